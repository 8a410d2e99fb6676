package de.rathaus.api.portal;

import de.rathaus.api.portal.PortalProperties.Text;

/**
 * The texts demo mode shows where the city configured none: every one says that it is a demo text
 * and which variable replaces it. Never used outside demo mode ({@link PortalTexts#of}).
 */
final class DemoTexts {

  private DemoTexts() {}

  static final String CITY = "Musterstadt (Demo)";

  static final String EMAIL = "barrierefreiheit@stadt.example";

  static final String PHONE = "+49 7131 000000";

  static final Text IMPRINT =
      new Text(
          """
          Demo-Text: Die Stadt ersetzt dieses Impressum über RATHAUS_PORTAL_IMPRINT_DE \
          (und RATHAUS_PORTAL_IMPRINT_EN).

          Stadt Musterstadt, vertreten durch die Oberbürgermeisterin, Marktplatz 1, \
          00000 Musterstadt. E-Mail: rathaus@stadt.example.

          Musterstadt ist eine Körperschaft des öffentlichen Rechts. \
          Umsatzsteuer-Identifikationsnummer: DE000000000 (Beispiel).""",
          """
          Demo text: the city replaces this imprint through RATHAUS_PORTAL_IMPRINT_DE \
          (and RATHAUS_PORTAL_IMPRINT_EN).

          City of Musterstadt, represented by the Lord Mayor, Marktplatz 1, \
          00000 Musterstadt. E-mail: rathaus@stadt.example.

          Musterstadt is a public-law corporation. VAT identification number: DE000000000 \
          (example).""");

  static final Text PRIVACY =
      new Text(
          """
          Demo-Text: Die Stadt ersetzt diese Datenschutzerklärung über RATHAUS_PORTAL_PRIVACY_DE \
          (und RATHAUS_PORTAL_PRIVACY_EN).

          Verantwortlich ist die Stadt Musterstadt. Die öffentlichen Seiten dieses Portals \
          speichern keine Cookies außer dem technisch nötigen Sitzungs-Cookie (Schutz der \
          Formulare) und, wenn Sie die Sprache wechseln, einem Cookie mit der gewählten Sprache.

          Wenn Sie einen Antrag stellen, verarbeitet die Stadt Ihre Angaben zur Erfüllung ihrer \
          Aufgaben (Art. 6 Abs. 1 lit. e DSGVO). Sie haben das Recht auf Auskunft, Berichtigung, \
          Löschung und Beschwerde bei der Aufsichtsbehörde.""",
          """
          Demo text: the city replaces this privacy notice through RATHAUS_PORTAL_PRIVACY_DE \
          (and RATHAUS_PORTAL_PRIVACY_EN).

          The controller is the City of Musterstadt. The public pages of this portal set no \
          cookies but the session cookie needed to protect forms and, when you switch the \
          language, a cookie holding your choice.

          When you file a request, the city processes your data to carry out its tasks \
          (Art. 6 (1) (e) GDPR). You have the right of access, rectification, erasure and to \
          lodge a complaint with the supervisory authority.""");

  static final Text STATEMENT =
      new Text(
          """
          Demo-Text: Die Stadt ersetzt diese Erklärung über \
          RATHAUS_PORTAL_ACCESSIBILITY_STATEMENT_DE (und …_EN).

          Die Stadt Musterstadt ist bemüht, ihr Portal im Einklang mit der \
          Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu \
          machen. Das Portal ist teilweise barrierefrei: die öffentlichen Seiten werden \
          automatisch geprüft (axe-core, WCAG 2.1 AA); eine Prüfung durch Menschen steht aus.""",
          """
          Demo text: the city replaces this statement through \
          RATHAUS_PORTAL_ACCESSIBILITY_STATEMENT_DE (and …_EN).

          The City of Musterstadt strives to make its portal accessible in line with the German \
          accessibility regulation (BITV 2.0). The portal is partially accessible: its public \
          pages are checked automatically (axe-core, WCAG 2.1 AA); a review by people is still \
          to come.""");

  static final Text ENFORCEMENT =
      new Text(
          """
          Demo-Text: Die Stadt ersetzt diesen Text über \
          RATHAUS_PORTAL_ACCESSIBILITY_ENFORCEMENT_DE (und …_EN) und nennt die für sie \
          zuständige Stelle.

          Wenn Sie auf Ihre Rückmeldung innerhalb von sechs Wochen keine zufriedenstellende \
          Antwort erhalten haben, können Sie ein Schlichtungsverfahren beantragen. Für Stellen des \
          Bundes ist das die Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz (BGG); \
          für die Stellen eines Landes und seiner Kommunen nennt das Landesrecht die zuständige \
          Stelle. Das Verfahren ist kostenlos; Sie brauchen keinen Rechtsbeistand.""",
          """
          Demo text: the city replaces this text through \
          RATHAUS_PORTAL_ACCESSIBILITY_ENFORCEMENT_DE (and …_EN), naming the body that is \
          responsible for it.

          If you have not received a satisfactory answer to your feedback within six weeks, you \
          may apply for conciliation. For federal bodies this is the conciliation body under \
          § 16 of the Disability Equality Act (BGG); for the bodies of a state and its \
          municipalities, state law names the responsible body. The procedure is free of charge; \
          you need no lawyer.""");
}
