import { describe, expect, it } from "vitest";
import { bucketLabel, fixed, interval, percent } from "../../web/src/dashboard/format";
import { setLang } from "../../web/src/dashboard/i18n";
import { parseState, toSearch } from "../../web/src/dashboard/url-state";

describe("dashboard URL state", () => {
  it("reads every parameter and writes it back in one canonical order", () => {
    const state = parseState(
      "?lang=sv&to=2019-12-31&regions=16,15,16&view=trend&interval=year&from=2019-01-01&theme=2&programme=1&sort=mean-desc",
      "fi",
    );
    expect(state).toEqual({
      view: "trend",
      region: null,
      regions: ["15", "16"],
      from: "2019-01-01",
      to: "2019-12-31",
      theme: 2,
      programme: 1,
      area: null,
      compare: null,
      interval: "year",
      sort: { key: "mean", descending: true },
      lang: "sv",
    });
    expect(toSearch(state)).toBe(
      "?view=trend&regions=15,16&from=2019-01-01&to=2019-12-31&theme=2&programme=1&interval=year&sort=mean-desc&lang=sv",
    );
    expect(parseState(toSearch(state), "fi")).toEqual(state);
  });

  it("drops what is malformed instead of trusting it", () => {
    const state = parseState(
      "?view=admin&region=1&regions=16,x,&from=2019-02-30&to=yesterday&theme=0&programme=-1&interval=week&sort=drop-table&lang=de",
      "de-DE,sv;q=0.5",
    );
    expect(state).toMatchObject({
      view: null,
      region: null,
      regions: ["16"],
      from: null,
      to: null,
      theme: null,
      programme: null,
      interval: "term",
      sort: null,
    });
    expect(state.lang, "falls back to the browser's languages").toBe("sv");
  });

  it("reads the area and the compared programme, and drops malformed ones", () => {
    const state = parseState("?view=programmes&compare=3&programme=1&area=2&lang=en", "fi");
    expect(state).toMatchObject({ view: "programmes", programme: 1, compare: 3, area: 2 });
    expect(toSearch(state)).toBe("?view=programmes&programme=1&area=2&compare=3&lang=en");
    expect(parseState("?view=areas&area=x&compare=0", "fi")).toMatchObject({ view: "areas", area: null, compare: null });
  });

  it("defaults to Finnish and leaves defaults out of the link", () => {
    const state = parseState("", "");
    expect(state.lang).toBe("fi");
    expect(toSearch(state)).toBe("?lang=fi");
  });
});

describe("dashboard number formatting", () => {
  it("keeps one decimal so 8.0 reads 8,0, with the locale's separator", () => {
    setLang("fi");
    expect(fixed(8)).toBe("8,0");
    expect(fixed(8.5)).toBe("8,5");
    expect(fixed(8.04)).toBe("8,0");
    expect(fixed(7.96)).toBe("8,0");
    expect(interval([7.81, 8.24])).toBe("7,8–8,2");
    expect(percent(0.613)).toBe("61\u00a0%");
    expect(bucketLabel("2019-autumn")).toBe("Syksy 2019");
    setLang("en");
    expect(fixed(8)).toBe("8.0");
    expect(percent(0.613)).toBe("61%");
    expect(bucketLabel("2019-spring")).toBe("Spring 2019");
    setLang("sv");
    expect(fixed(-1.25, 2)).toBe("-1,25");
    expect(bucketLabel("2019")).toBe("2019");
  });
});
