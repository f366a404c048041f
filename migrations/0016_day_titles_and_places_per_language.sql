ALTER TABLE `event` ADD `title_sv` text;--> statement-breakpoint
ALTER TABLE `event` ADD `title_en` text;--> statement-breakpoint
ALTER TABLE `event` ADD `location_sv` text;--> statement-breakpoint
ALTER TABLE `event` ADD `location_en` text;--> statement-breakpoint
ALTER TABLE `event` ADD `main_lang` text DEFAULT 'fi' NOT NULL;--> statement-breakpoint
ALTER TABLE `region` ADD `main_lang` text DEFAULT 'fi' NOT NULL;--> statement-breakpoint
-- Regions' language status, restated here with its source (the flags were first set in 0001).
-- Source: Language Act (kielilaki 423/2003) §5–6 and the Government decree on municipalities'
-- linguistic status for 2013–2022 (valtioneuvoston asetus kuntien kielellisestä asemasta vuosina
-- 2013–2022, 53/2012), which covers 2019: a region (maakunta) is bilingual when any of its
-- municipalities is (Kuntaliitto, "Toimiva kaksikielisyys", part I: "Kunnan kielistatus määrää myös
-- kuntaan kuuluvien kuntayhtymien kielistatuksen"). Bilingual municipalities in 2019 put these five
-- regions in that class: Uusimaa (e.g. Helsinki, Espoo, Porvoo, Raasepori), Varsinais-Suomi (Turku,
-- Parainen, Kemiönsaari), Kymenlaakso (Pyhtää), Pohjanmaa (Vaasa, Mustasaari, Pietarsaari, …) and
-- Keski-Pohjanmaa (Kokkola). The decree for 2023–2032 left every municipality's status unchanged.
-- Main language: the Act classifies only municipalities' majority language, never a region's. Even
-- Pohjanmaa, where Swedish speakers are about half of the residents, has no legal majority language
-- as a region, so we are not sure enough to say Swedish: every region's main language is Finnish
-- here, and staff choose Swedish for a day where that is right (the day's form). Swedish-speaking
-- participants in the bilingual regions are offered Swedish at the top of the survey page instead.
UPDATE `region` SET `bilingual` = CASE WHEN `code` IN ('01', '02', '08', '15', '16') THEN 1 ELSE 0 END, `main_lang` = 'fi';
