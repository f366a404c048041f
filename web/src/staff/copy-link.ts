// The copy button of the one-time link page (src/views/admin/account-link-page.tsx). Without
// JavaScript the button stays hidden and the link is copied from its field by hand.
const button = document.querySelector<HTMLButtonElement>("button[data-copy-from]");
const field = button ? document.getElementById(button.dataset.copyFrom ?? "") : null;
const statusLine = document.getElementById("copy-status");

if (button && field instanceof HTMLInputElement && statusLine) {
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      statusLine.textContent = button.dataset.copied ?? "";
    } catch {
      // No clipboard (an insecure origin, or permission refused): select the text for Ctrl+C.
      field.focus();
      field.select();
      statusLine.textContent = button.dataset.failed ?? "";
    }
  });
}
