-- Reference data every installation needs: the 18 LAPE regions (Statistics Finland codes, 2019
-- borders) and version 1 of the national core question set. Demo data is not here (scripts/seed.ts).
INSERT INTO `region` (`code`, `name_fi`, `name_sv`, `name_en`, `bilingual`) VALUES
  ('01', 'Uusimaa', 'Nyland', 'Uusimaa', 1),
  ('02', 'Varsinais-Suomi', 'Egentliga Finland', 'Southwest Finland', 1),
  ('04', 'Satakunta', 'Satakunta', 'Satakunta', 0),
  ('05', 'Kanta-Häme', 'Egentliga Tavastland', 'Kanta-Häme', 0),
  ('06', 'Pirkanmaa', 'Birkaland', 'Pirkanmaa', 0),
  ('07', 'Päijät-Häme', 'Päijänne-Tavastland', 'Päijät-Häme', 0),
  ('08', 'Kymenlaakso', 'Kymmenedalen', 'Kymenlaakso', 1),
  ('09', 'Etelä-Karjala', 'Södra Karelen', 'South Karelia', 0),
  ('10', 'Etelä-Savo', 'Södra Savolax', 'South Savo', 0),
  ('11', 'Pohjois-Savo', 'Norra Savolax', 'North Savo', 0),
  ('12', 'Pohjois-Karjala', 'Norra Karelen', 'North Karelia', 0),
  ('13', 'Keski-Suomi', 'Mellersta Finland', 'Central Finland', 0),
  ('14', 'Etelä-Pohjanmaa', 'Södra Österbotten', 'South Ostrobothnia', 0),
  ('15', 'Pohjanmaa', 'Österbotten', 'Ostrobothnia', 1),
  ('16', 'Keski-Pohjanmaa', 'Mellersta Österbotten', 'Central Ostrobothnia', 1),
  ('17', 'Pohjois-Pohjanmaa', 'Norra Österbotten', 'North Ostrobothnia', 0),
  ('18', 'Kainuu', 'Kajanaland', 'Kainuu', 0),
  ('19', 'Lappi', 'Lappland', 'Lapland', 0);
--> statement-breakpoint
INSERT INTO `question_set` (`id`, `name`, `version`, `is_core`) VALUES (1, 'core', 1, 1);
--> statement-breakpoint
INSERT INTO `question` (`set_id`, `position`, `key`, `kind`, `scale_min`, `scale_max`, `scale_step`, `required`, `max_length`, `text_fi`, `text_sv`, `text_en`, `options_json`) VALUES
  (1, 1, 'grade', 'grade', 4, 10, 1, 1, NULL,
   'Kokonaisarvosana päivälle (4–10)', 'Helhetsvitsord för dagen (4–10)', 'Overall grade for the day (4–10)', NULL),
  (1, 2, 'usefulness', 'likert', 1, 5, 1, 0, NULL,
   'Kuinka hyödyllinen päivä oli omassa työssäsi?', 'Hur nyttig var dagen för ditt eget arbete?', 'How useful was the day for your own work?', NULL),
  (1, 3, 'sector', 'choice', NULL, NULL, NULL, 0, NULL,
   'Sektorini', 'Min sektor', 'My sector',
   '[{"value":"social_health","fi":"Sosiaali- ja terveyspalvelut","sv":"Social- och hälsovårdstjänster","en":"Social and health services"},{"value":"education","fi":"Opetus ja varhaiskasvatus","sv":"Undervisning och småbarnspedagogik","en":"Education and early childhood education"},{"value":"municipal","fi":"Kunnan johto","sv":"Kommunledning","en":"Municipal leadership"},{"value":"ngo","fi":"Järjestö","sv":"Organisation","en":"NGO"},{"value":"parish","fi":"Seurakunta","sv":"Församling","en":"Parish"},{"value":"other","fi":"Muu","sv":"Annan","en":"Other"}]'),
  (1, 4, 'good', 'text', NULL, NULL, NULL, 0, 2000,
   'Mikä päivässä oli hyvää?', 'Vad var bra under dagen?', 'What was good about the day?', NULL),
  (1, 5, 'improve', 'text', NULL, NULL, NULL, 0, 2000,
   'Mitä pitäisi kehittää?', 'Vad borde utvecklas?', 'What should be improved?', NULL);
