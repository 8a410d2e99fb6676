package de.rathaus.application.catalogue;

import static de.rathaus.domain.catalogue.AttributeDatatype.DATETIME;
import static de.rathaus.domain.catalogue.AttributeDatatype.MULTIVALUELIST;
import static de.rathaus.domain.catalogue.AttributeDatatype.NUMBER;
import static de.rathaus.domain.catalogue.AttributeDatatype.SINGLEVALUELIST;
import static de.rathaus.domain.catalogue.AttributeDatatype.STRING;
import static de.rathaus.domain.catalogue.AttributeDatatype.TEXT;

import de.rathaus.domain.catalogue.AllowedValue;
import de.rathaus.domain.catalogue.AttributeDatatype;
import de.rathaus.domain.catalogue.LeikaKey;
import de.rathaus.domain.catalogue.ServiceAttribute;
import de.rathaus.domain.catalogue.ServiceDefinitionContent;
import de.rathaus.domain.catalogue.ServiceKind;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import de.rathaus.domain.shared.ServiceCode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A <strong>sample</strong> service catalogue, seeded once so that a fresh engine has something to
 * show and to request: eleven services of a German city of about 125,000 inhabitants, in German and
 * English.
 *
 * <p><strong>This is sample data, not the official catalogue of any city.</strong> Heilbronn served
 * as the reference for the size of the city and for the kind of services, departments and
 * districts; the services, department codes, fees, processing targets, parking zones, documents and
 * form fields are plausible inventions for demonstration and testing. They are not Heilbronn's
 * services, fees or statutes, and nobody should rely on them.
 *
 * <p>Departments (short lowercase codes, used consistently): {@code buergeramt} (registration,
 * residents' parking), {@code ordnungsamt} (road traffic orders; first receiver of reports on
 * public space, which its clerks forward to the department that fixes the issue), {@code
 * tiefbauamt} (roads and their special use), {@code gruenflaechenamt} (trees and green spaces),
 * {@code steueramt} (local taxes), {@code abfallwirtschaft} (waste collection) and {@code
 * gewerbeamt} (trade register). The demo clerks of DESIGN.md section 6 work in {@code buergeramt}
 * and {@code ordnungsamt}, so both have services here.
 *
 * <p>LeiKa keys: only where the key was found in several public references to the federal catalogue
 * and names the same service: business registration ({@code 99050012104000}), dog tax registration
 * ({@code 99102013104000}) and the residents' parking permit ({@code 99108001001000}). Every other
 * service has none ({@code null}) rather than a guessed number that would look official; check the
 * keys against the federal catalogue before using them in production.
 *
 * <p>Fees are in euro cents, processing targets in days and retention periods in years. Attribute
 * codes are lowercase identifiers; list choices have English keys, which requests record, and
 * German and English names, which citizens read. Dates are ISO-8601.
 */
public final class SampleCatalogue {

  /** A service of the sample catalogue: its code and the content of its first version. */
  public record SampleService(ServiceCode code, ServiceDefinitionContent content) {

    public SampleService {
      if (code == null || content == null) {
        throw new IllegalArgumentException("A sample service needs a code and a content");
      }
    }
  }

  static final DepartmentCode BUERGERAMT = new DepartmentCode("buergeramt");
  static final DepartmentCode ORDNUNGSAMT = new DepartmentCode("ordnungsamt");
  static final DepartmentCode TIEFBAUAMT = new DepartmentCode("tiefbauamt");
  static final DepartmentCode GRUENFLAECHENAMT = new DepartmentCode("gruenflaechenamt");
  static final DepartmentCode STEUERAMT = new DepartmentCode("steueramt");
  static final DepartmentCode ABFALLWIRTSCHAFT = new DepartmentCode("abfallwirtschaft");
  static final DepartmentCode GEWERBEAMT = new DepartmentCode("gewerbeamt");

  private static final String TRAFFIC = "Verkehr";
  private static final String REGISTRATION = "Meldewesen";
  private static final String TAXES = "Steuern und Abgaben";
  private static final String WASTE = "Abfall";
  private static final String BUSINESS = "Wirtschaft und Gewerbe";
  private static final String PUBLIC_SPACE = "Straßen und öffentlicher Raum";
  private static final String ENVIRONMENT = "Umwelt und Grün";

  private static final LocalizedText ID_CARD =
      text("Personalausweis oder Reisepass", "Identity card or passport");

  /**
   * Retention in years after a case ended, invented like the rest but of the usual order: short for
   * one-off certificates, collections and reports, longer for permits, ten years for taxes and the
   * trade register (the default for the others).
   */
  private static final Map<String, Integer> RETENTION_YEARS =
      Map.of(
          "meldebescheinigung", 1,
          "sperrmuell", 1,
          "maengelmelder", 2,
          "halteverbot-umzug", 2,
          "bewohnerparkausweis", 3,
          "sondernutzung", 6,
          "baumfaellgenehmigung", 10,
          "hundesteuer-anmeldung", 10,
          "gewerbeanmeldung", 10);

  private static final List<SampleService> SERVICES =
      List.of(
              residentsParkingPermit(),
              moveNoParkingZone(),
              registrationCertificate(),
              dogTaxRegistration(),
              dogTaxDeregistration(),
              bulkyWasteCollection(),
              businessRegistration(),
              businessDeregistration(),
              specialUseOfPublicSpace(),
              treeFellingPermit(),
              issueReport())
          .stream()
          .map(SampleCatalogue::withRetention)
          .toList();

  private static SampleService withRetention(SampleService service) {
    Integer years = RETENTION_YEARS.get(service.code().value());
    return years == null
        ? service
        : new SampleService(service.code(), service.content().withRetentionYears(years));
  }

  private SampleCatalogue() {}

  /** Every service of the sample catalogue, in the order they are seeded. */
  public static List<SampleService> services() {
    return SERVICES;
  }

  private static SampleService residentsParkingPermit() {
    return new SampleService(
        new ServiceCode("bewohnerparkausweis"),
        new ServiceDefinitionContent(
            text("Bewohnerparkausweis", "Residents' parking permit"),
            text(
                "Mit dem Bewohnerparkausweis parken Sie in Ihrer Bewohnerparkzone ohne Parkschein."
                    + " Sie erhalten ihn für ein Fahrzeug, wenn Sie in der Zone mit Haupt- oder"
                    + " Nebenwohnsitz gemeldet sind und das Fahrzeug auf Sie zugelassen ist oder"
                    + " Ihnen dauerhaft zur Nutzung überlassen wurde. Der Ausweis gilt ein Jahr.",
                "With a residents' parking permit you park in your residents' zone without a"
                    + " ticket. You get it for one vehicle if you are registered in the zone with"
                    + " your main or secondary residence and the vehicle is registered to you or"
                    + " permanently left to you for your use. The permit is valid for one year."),
            BUERGERAMT,
            TRAFFIC,
            List.of(
                "Parken",
                "Parkausweis",
                "Anwohnerparken",
                "Bewohnerparken",
                "Auto",
                "parking",
                "resident permit"),
            ServiceKind.REQUEST,
            List.of(
                attribute(
                    "licence_plate",
                    STRING,
                    true,
                    10,
                    "Amtliches Kennzeichen, zum Beispiel HN-AB 1234",
                    "Licence plate, for example HN-AB 1234"),
                choice(
                    "parking_zone",
                    SINGLEVALUELIST,
                    true,
                    20,
                    "Bewohnerparkzone Ihrer Wohnung",
                    "Residents' parking zone of your home",
                    value("zone_a", "Zone A – Innenstadt", "Zone A – city centre"),
                    value("zone_b", "Zone B – Bahnhofsvorstadt", "Zone B – station quarter"),
                    value("zone_c", "Zone C – Südstadt", "Zone C – south town"),
                    value("zone_d", "Zone D – Nordstadt", "Zone D – north town"),
                    value("zone_e", "Zone E – Böckingen", "Zone E – Böckingen")),
                attribute(
                    "start_date", DATETIME, true, 30, "Gültig ab (Datum)", "Valid from (date)"),
                choice(
                    "vehicle_holder",
                    SINGLEVALUELIST,
                    true,
                    40,
                    "Auf wen ist das Fahrzeug zugelassen?",
                    "Who is the vehicle registered to?",
                    value("self", "Auf mich", "To me"),
                    value(
                        "employer",
                        "Auf meinen Arbeitgeber (Firmenwagen)",
                        "To my employer (company car)"),
                    value(
                        "other_person",
                        "Auf eine andere Person, die es mir dauerhaft überlässt",
                        "To another person who permanently leaves it to me"))),
            12_000,
            10,
            List.of(
                text(
                    "Fahrzeugschein (Zulassungsbescheinigung Teil I)",
                    "Vehicle registration certificate (Part I)"),
                text(
                    "Bei Firmen- oder fremden Fahrzeugen: Bestätigung des Halters über die"
                        + " dauerhafte Nutzung",
                    "For company or third-party vehicles: the holder's confirmation of permanent"
                        + " use")),
            new LeikaKey("urn:de:fim:leika:leistung:99108001001000")));
  }

  private static SampleService moveNoParkingZone() {
    return new SampleService(
        new ServiceCode("halteverbot-umzug"),
        new ServiceDefinitionContent(
            text(
                "Halteverbotszone für Umzug oder Anlieferung",
                "Temporary no-parking zone for a move or a delivery"),
            text(
                "Für einen Umzug, eine Anlieferung oder einen Möbelwagen können Sie vor dem Haus"
                    + " eine vorübergehende Halteverbotszone anordnen lassen. Beantragen Sie sie"
                    + " mindestens zwei Wochen vorher; die Schilder müssen 72 Stunden vor Beginn"
                    + " stehen.",
                "For a move, a delivery or a removal van you can have a temporary no-parking zone"
                    + " ordered in front of the house. Apply at least two weeks ahead; the signs"
                    + " must be up 72 hours before it starts."),
            ORDNUNGSAMT,
            TRAFFIC,
            List.of(
                "Halteverbot",
                "Umzug",
                "Möbelwagen",
                "Verkehrsrechtliche Anordnung",
                "no parking",
                "moving"),
            ServiceKind.REQUEST,
            List.of(
                attribute(
                    "street_address",
                    STRING,
                    true,
                    10,
                    "Straße und Hausnummer",
                    "Street and house number"),
                attribute(
                    "from_date",
                    DATETIME,
                    true,
                    20,
                    "Beginn (Datum und Uhrzeit)",
                    "Start (date and time)"),
                attribute(
                    "to_date",
                    DATETIME,
                    true,
                    30,
                    "Ende (Datum und Uhrzeit)",
                    "End (date and time)"),
                attribute(
                    "length_m",
                    NUMBER,
                    true,
                    40,
                    "Länge der Zone in Metern (üblich sind 15 bis 20 m)",
                    "Length of the zone in metres (15 to 20 m is usual)"),
                choice(
                    "purpose",
                    SINGLEVALUELIST,
                    true,
                    50,
                    "Anlass",
                    "Occasion",
                    value("move", "Umzug", "Move"),
                    value("delivery", "Anlieferung", "Delivery"),
                    value("craftsmen", "Handwerkerfahrzeug", "Tradespeople's vehicle"))),
            4_500,
            10,
            List.of(
                text(
                    "Skizze der gewünschten Zone (optional)",
                    "Sketch of the requested zone (optional)")),
            null));
  }

  private static SampleService registrationCertificate() {
    return new SampleService(
        new ServiceCode("meldebescheinigung"),
        new ServiceDefinitionContent(
            text("Meldebescheinigung", "Certificate of registration"),
            text(
                "Die Meldebescheinigung bestätigt, unter welcher Anschrift Sie gemeldet sind. Die"
                    + " einfache Bescheinigung enthält Namen, Geburtsdatum und Anschrift; die"
                    + " erweiterte zusätzlich frühere Anschriften, Familienstand und"
                    + " Staatsangehörigkeit. Sie erhalten sie für sich selbst oder mit Vollmacht"
                    + " für eine andere Person.",
                "The certificate of registration confirms the address you are registered at."
                    + " The simple certificate shows name, date of birth and address; the"
                    + " extended one also earlier addresses, marital status and nationality. You"
                    + " get it for yourself, or for someone else with their power of attorney."),
            BUERGERAMT,
            REGISTRATION,
            List.of(
                "Meldebestätigung",
                "Wohnsitzbescheinigung",
                "Anmeldung",
                "Wohnsitz",
                "registration",
                "proof of address"),
            ServiceKind.REQUEST,
            List.of(
                choice(
                    "certificate_kind",
                    SINGLEVALUELIST,
                    true,
                    10,
                    "Art der Bescheinigung",
                    "Kind of certificate",
                    value("simple", "Einfache Meldebescheinigung", "Simple certificate"),
                    value("extended", "Erweiterte Meldebescheinigung", "Extended certificate")),
                attribute(
                    "purpose",
                    STRING,
                    true,
                    20,
                    "Verwendungszweck, zum Beispiel Vorlage beim Arbeitgeber",
                    "Purpose, for example to show to an employer"),
                choice(
                    "delivery",
                    SINGLEVALUELIST,
                    true,
                    30,
                    "Wie möchten Sie die Bescheinigung erhalten?",
                    "How would you like to receive the certificate?",
                    value("post", "Per Post", "By post"),
                    value("pickup", "Abholung im Bürgeramt", "Collect at the citizens' office")),
                attribute(
                    "copies", NUMBER, false, 40, "Anzahl der Ausfertigungen", "Number of copies")),
            1_000,
            3,
            List.of(
                ID_CARD,
                text(
                    "Bei Antrag für eine andere Person: Vollmacht und Ausweiskopie der Person",
                    "When applying for someone else: their power of attorney and a copy of their"
                        + " identity card")),
            null));
  }

  private static SampleService dogTaxRegistration() {
    return new SampleService(
        new ServiceCode("hundesteuer-anmeldung"),
        new ServiceDefinitionContent(
            text("Hundesteuer – Anmeldung eines Hundes", "Dog tax – registering a dog"),
            text(
                "Wer in der Stadt einen Hund hält, der älter als drei Monate ist, meldet ihn"
                    + " innerhalb eines Monats zur Hundesteuer an. Sie erhalten einen Steuerbescheid"
                    + " und eine Hundesteuermarke. Die Steuer richtet sich nach der Zahl der Hunde im"
                    + " Haushalt; für Assistenz- und Rettungshunde kann sie erlassen werden.",
                "Anyone keeping a dog older than three months in the city registers it for the"
                    + " dog tax within one month. You receive a tax assessment and a dog tax tag."
                    + " The tax depends on the number of dogs in the household; it can be waived"
                    + " for assistance and rescue dogs."),
            STEUERAMT,
            TAXES,
            List.of("Hund", "Hundesteuer", "Steuermarke", "Hundemarke", "dog", "dog tax"),
            ServiceKind.REQUEST,
            List.of(
                attribute("dog_name", STRING, true, 10, "Name des Hundes", "Name of the dog"),
                attribute(
                    "breed",
                    STRING,
                    true,
                    20,
                    "Rasse oder Mischling (mit den erkennbaren Rassen)",
                    "Breed, or mixed breed (with the recognisable breeds)"),
                attribute(
                    "date_acquired",
                    DATETIME,
                    true,
                    30,
                    "Seit wann halten Sie den Hund? (Datum)",
                    "Since when have you kept the dog? (date)"),
                attribute(
                    "number_of_dogs",
                    NUMBER,
                    true,
                    40,
                    "Anzahl der Hunde im Haushalt, diesen eingeschlossen",
                    "Number of dogs in the household, including this one"),
                attribute(
                    "chip_number",
                    STRING,
                    false,
                    50,
                    "Transpondernummer (Chip), falls vorhanden",
                    "Transponder (chip) number, if any"),
                choice(
                    "exemption",
                    SINGLEVALUELIST,
                    false,
                    60,
                    "Beantragte Steuerbefreiung, falls zutreffend",
                    "Tax exemption applied for, if any",
                    value(
                        "assistance_dog",
                        "Assistenz- oder Blindenführhund",
                        "Assistance or guide dog"),
                    value("rescue_dog", "Geprüfter Rettungshund", "Certified rescue dog"),
                    value("shelter_dog", "Hund aus dem Tierheim", "Dog from an animal shelter"))),
            0,
            14,
            List.of(
                text(
                    "Bei beantragter Steuerbefreiung: Nachweis, zum Beispiel Schwerbehindertenausweis,"
                        + " Prüfungszeugnis oder Vertrag des Tierheims",
                    "When applying for an exemption: proof, for example a severe disability card, a"
                        + " test certificate or the animal shelter's contract")),
            new LeikaKey("urn:de:fim:leika:leistung:99102013104000")));
  }

  private static SampleService dogTaxDeregistration() {
    return new SampleService(
        new ServiceCode("hundesteuer-abmeldung"),
        new ServiceDefinitionContent(
            text("Hundesteuer – Abmeldung eines Hundes", "Dog tax – deregistering a dog"),
            text(
                "Wenn Sie Ihren Hund abgegeben haben, er gestorben ist oder Sie wegziehen, melden"
                    + " Sie ihn von der Hundesteuer ab. Die Steuer endet mit dem Monat der"
                    + " Abmeldung; bitte geben Sie die Hundesteuermarke zurück.",
                "If you have given your dog away, it has died or you move away, deregister it"
                    + " from the dog tax. The tax ends with the month of deregistration; please"
                    + " return the dog tax tag."),
            STEUERAMT,
            TAXES,
            List.of("Hund", "Hundesteuer", "Abmeldung", "Steuermarke", "dog", "dog tax"),
            ServiceKind.REQUEST,
            List.of(
                attribute("dog_name", STRING, true, 10, "Name des Hundes", "Name of the dog"),
                attribute(
                    "tax_tag_number",
                    STRING,
                    true,
                    20,
                    "Nummer der Hundesteuermarke",
                    "Number of the dog tax tag"),
                attribute(
                    "end_date",
                    DATETIME,
                    true,
                    30,
                    "Seit wann halten Sie den Hund nicht mehr? (Datum)",
                    "Since when have you no longer kept the dog? (date)"),
                choice(
                    "reason",
                    SINGLEVALUELIST,
                    true,
                    40,
                    "Grund der Abmeldung",
                    "Reason for deregistration",
                    value("died", "Der Hund ist gestorben", "The dog has died"),
                    value("given_away", "Der Hund wurde abgegeben", "The dog was given away"),
                    value(
                        "moved_away", "Ich ziehe aus der Stadt weg", "I am moving out of the city"),
                    value("lost", "Der Hund ist entlaufen", "The dog ran away")),
                attribute(
                    "new_keeper",
                    STRING,
                    false,
                    50,
                    "Bei Abgabe: Name und Anschrift der neuen Halterin oder des neuen Halters",
                    "If given away: name and address of the new keeper")),
            0,
            14,
            List.of(text("Hundesteuermarke", "Dog tax tag")),
            null));
  }

  private static SampleService bulkyWasteCollection() {
    return new SampleService(
        new ServiceCode("sperrmuell"),
        new ServiceDefinitionContent(
            text("Sperrmüllabholung", "Bulky waste collection"),
            text(
                "Sperrige Gegenstände aus dem Haushalt, die nicht in die Restmülltonne passen,"
                    + " holen wir auf Bestellung ab. Die erste Abholung bis 5 Kubikmeter im"
                    + " Kalenderjahr ist für Haushalte gebührenfrei. Stellen Sie die Gegenstände am"
                    + " Abholtag bis 6 Uhr gut sichtbar an den Straßenrand. Elektrogroßgeräte werden"
                    + " getrennt abgeholt; bitte wählen Sie sie eigens aus.",
                "Bulky household items that do not fit into the residual waste bin are collected"
                    + " on order. The first collection of up to 5 cubic metres per calendar year is"
                    + " free for households. Put the items clearly visible at the roadside by 6 a.m."
                    + " on the collection day. Large electrical appliances are collected"
                    + " separately; please select them on their own."),
            ABFALLWIRTSCHAFT,
            WASTE,
            List.of(
                "Sperrmüll",
                "Müll",
                "Möbel",
                "Entrümpelung",
                "Abholung",
                "bulky waste",
                "furniture"),
            ServiceKind.REQUEST,
            List.of(
                attribute(
                    "preferred_date",
                    DATETIME,
                    true,
                    10,
                    "Gewünschter Abholtag (Datum)",
                    "Preferred collection day (date)"),
                choice(
                    "items",
                    MULTIVALUELIST,
                    true,
                    20,
                    "Was sollen wir abholen?",
                    "What should we collect?",
                    value("furniture", "Möbel", "Furniture"),
                    value("mattresses", "Matratzen", "Mattresses"),
                    value("carpets", "Teppiche und Bodenbeläge", "Carpets and floor coverings"),
                    value("bicycles", "Fahrräder", "Bicycles"),
                    value("garden_furniture", "Gartenmöbel", "Garden furniture"),
                    value(
                        "large_appliances",
                        "Elektrogroßgeräte (Kühlschrank, Waschmaschine, Herd)",
                        "Large electrical appliances (fridge, washing machine, cooker)"),
                    value("other", "Sonstiges", "Other")),
                attribute(
                    "estimated_volume_m3",
                    NUMBER,
                    true,
                    30,
                    "Geschätzte Menge in Kubikmetern",
                    "Estimated volume in cubic metres"),
                attribute(
                    "placement_note",
                    STRING,
                    false,
                    40,
                    "Wo stehen die Gegenstände? (zum Beispiel Einfahrt links)",
                    "Where will the items be? (for example left of the driveway)")),
            0,
            21,
            List.of(),
            null));
  }

  private static SampleService businessRegistration() {
    return new SampleService(
        new ServiceCode("gewerbeanmeldung"),
        new ServiceDefinitionContent(
            text("Gewerbeanmeldung", "Business registration"),
            text(
                "Wer ein Gewerbe beginnt, einen Betrieb übernimmt, eine Zweigstelle eröffnet oder"
                    + " mit dem Betrieb in die Stadt zieht, zeigt das beim Gewerbeamt an (§ 14"
                    + " Gewerbeordnung). Sie erhalten eine Empfangsbestätigung (Gewerbeschein);"
                    + " Finanzamt, Industrie- und Handelskammer oder Handwerkskammer und weitere"
                    + " Stellen werden unterrichtet. Freie Berufe sind kein Gewerbe.",
                "Anyone who starts a trade, takes over a business, opens a branch or moves a"
                    + " business into the city notifies the trade office (section 14 of the German"
                    + " Trade Regulation Act). You receive an acknowledgement (Gewerbeschein); the"
                    + " tax office, the chamber of commerce or of crafts and other bodies are"
                    + " informed. Liberal professions are not a trade."),
            GEWERBEAMT,
            BUSINESS,
            List.of(
                "Gewerbe",
                "Gewerbeschein",
                "Selbstständigkeit",
                "Existenzgründung",
                "Firma",
                "business",
                "trade licence"),
            ServiceKind.REQUEST,
            List.of(
                attribute(
                    "business_name",
                    STRING,
                    true,
                    10,
                    "Name des Betriebs (bei eingetragenen Firmen wie im Handelsregister)",
                    "Name of the business (for registered companies as in the commercial register)"),
                attribute(
                    "activity",
                    TEXT,
                    true,
                    20,
                    "Angemeldete Tätigkeit, möglichst genau",
                    "Activity registered, as precisely as possible"),
                attribute(
                    "start_date",
                    DATETIME,
                    true,
                    30,
                    "Beginn der Tätigkeit (Datum)",
                    "Start of the activity (date)"),
                choice(
                    "legal_form",
                    SINGLEVALUELIST,
                    true,
                    40,
                    "Rechtsform",
                    "Legal form",
                    value("sole_proprietorship", "Einzelunternehmen", "Sole proprietorship"),
                    value(
                        "registered_merchant",
                        "Eingetragener Kaufmann (e. K.)",
                        "Registered merchant (e. K.)"),
                    value(
                        "gbr",
                        "Gesellschaft bürgerlichen Rechts (GbR)",
                        "Civil-law partnership (GbR)"),
                    value("ohg", "Offene Handelsgesellschaft (OHG)", "General partnership (OHG)"),
                    value("kg", "Kommanditgesellschaft (KG)", "Limited partnership (KG)"),
                    value("gmbh", "GmbH", "Limited liability company (GmbH)"),
                    value("ug", "UG (haftungsbeschränkt)", "Entrepreneurial company (UG)"),
                    value("ag", "Aktiengesellschaft (AG)", "Stock corporation (AG)"),
                    value("other", "Andere Rechtsform", "Other legal form")),
                choice(
                    "occasion",
                    SINGLEVALUELIST,
                    true,
                    50,
                    "Anlass der Anmeldung",
                    "Occasion of the registration",
                    value("new_business", "Neugründung", "New business"),
                    value("takeover", "Übernahme eines Betriebs", "Takeover of a business"),
                    value(
                        "relocation",
                        "Zuzug aus einer anderen Gemeinde",
                        "Move from another municipality"),
                    value("branch", "Zweigniederlassung oder Zweigstelle", "Branch")),
                attribute(
                    "business_address",
                    STRING,
                    true,
                    60,
                    "Anschrift der Betriebsstätte",
                    "Address of the business premises"),
                attribute(
                    "employees",
                    NUMBER,
                    false,
                    70,
                    "Zahl der Beschäftigten (ohne Inhaber)",
                    "Number of employees (without owners)")),
            3_500,
            5,
            List.of(
                ID_CARD,
                text(
                    "Bei eingetragenen Firmen: Auszug aus dem Handelsregister",
                    "For registered companies: extract from the commercial register"),
                text(
                    "Bei erlaubnispflichtigen Gewerben: die Erlaubnis, bei zulassungspflichtigem"
                        + " Handwerk: Eintragung in die Handwerksrolle",
                    "For trades requiring a licence: the licence; for regulated crafts: entry in"
                        + " the register of crafts"),
                text(
                    "Für Staatsangehörige außerhalb der EU: Aufenthaltstitel, der selbstständige"
                        + " Tätigkeit erlaubt",
                    "For non-EU nationals: a residence permit that allows self-employment")),
            new LeikaKey("urn:de:fim:leika:leistung:99050012104000")));
  }

  private static SampleService businessDeregistration() {
    return new SampleService(
        new ServiceCode("gewerbeabmeldung"),
        new ServiceDefinitionContent(
            text("Gewerbeabmeldung", "Business deregistration"),
            text(
                "Wenn Sie Ihr Gewerbe aufgeben, den Betrieb übergeben oder aus der Stadt"
                    + " wegverlegen, melden Sie es ab. Die Abmeldung wird an dieselben Stellen"
                    + " weitergegeben wie die Anmeldung.",
                "If you give up your trade, hand the business over or move it out of the city,"
                    + " deregister it. The deregistration is passed on to the same bodies as the"
                    + " registration."),
            GEWERBEAMT,
            BUSINESS,
            List.of("Gewerbe", "Abmeldung", "Betriebsaufgabe", "business", "closure"),
            ServiceKind.REQUEST,
            List.of(
                attribute(
                    "business_name", STRING, true, 10, "Name des Betriebs", "Name of the business"),
                attribute(
                    "end_date",
                    DATETIME,
                    true,
                    20,
                    "Ende der Tätigkeit (Datum)",
                    "End of the activity (date)"),
                choice(
                    "reason",
                    SINGLEVALUELIST,
                    true,
                    30,
                    "Grund der Abmeldung",
                    "Reason for deregistration",
                    value("closure", "Aufgabe des Betriebs", "Closure of the business"),
                    value("handover", "Übergabe an einen Nachfolger", "Handover to a successor"),
                    value(
                        "relocation",
                        "Verlegung in eine andere Gemeinde",
                        "Move to another municipality"),
                    value(
                        "change_of_legal_form", "Wechsel der Rechtsform", "Change of legal form"))),
            1_500,
            5,
            List.of(ID_CARD),
            null));
  }

  private static SampleService specialUseOfPublicSpace() {
    return new SampleService(
        new ServiceCode("sondernutzung"),
        new ServiceDefinitionContent(
            text(
                "Sondernutzungserlaubnis für öffentliche Flächen",
                "Permit for special use of public space"),
            text(
                "Wer Straße, Gehweg oder Platz über den Gemeingebrauch hinaus nutzt – für ein"
                    + " Gerüst, einen Container, eine Baustelleneinrichtung, Tische vor dem Café"
                    + " oder einen Infostand –, braucht eine Sondernutzungserlaubnis. Neben der"
                    + " Bearbeitungsgebühr fallen je nach Fläche und Dauer Sondernutzungsgebühren"
                    + " an. Beantragen Sie die Erlaubnis mindestens zwei Wochen vor Beginn.",
                "Anyone using a street, pavement or square beyond ordinary public use – for"
                    + " scaffolding, a container, a construction site, tables in front of a café or"
                    + " an information stand – needs a special use permit. Besides the processing"
                    + " fee, special use charges depend on area and duration. Apply at least two"
                    + " weeks before the start."),
            TIEFBAUAMT,
            PUBLIC_SPACE,
            List.of(
                "Sondernutzung",
                "Gerüst",
                "Container",
                "Außenbewirtung",
                "Infostand",
                "Gehweg",
                "special use",
                "scaffolding"),
            ServiceKind.REQUEST,
            List.of(
                choice(
                    "purpose",
                    SINGLEVALUELIST,
                    true,
                    10,
                    "Zweck der Nutzung",
                    "Purpose of the use",
                    value("scaffolding", "Gerüst", "Scaffolding"),
                    value("container", "Container oder Mulde", "Container or skip"),
                    value("construction_site", "Baustelleneinrichtung", "Construction site"),
                    value("outdoor_seating", "Außenbewirtung", "Outdoor seating"),
                    value("info_stand", "Informationsstand", "Information stand"),
                    value("advertising", "Werbeaufsteller", "Advertising board"),
                    value("other", "Sonstiges", "Other")),
                attribute(
                    "purpose_details",
                    TEXT,
                    false,
                    20,
                    "Beschreibung des Vorhabens",
                    "Description of the project"),
                attribute(
                    "site_address",
                    STRING,
                    true,
                    30,
                    "Ort (Straße und Hausnummer oder Platz)",
                    "Place (street and house number, or square)"),
                attribute(
                    "area_m2",
                    NUMBER,
                    true,
                    40,
                    "Genutzte Fläche in Quadratmetern",
                    "Area used in square metres"),
                attribute("from_date", DATETIME, true, 50, "Beginn (Datum)", "Start (date)"),
                attribute("to_date", DATETIME, true, 60, "Ende (Datum)", "End (date)")),
            5_000,
            14,
            List.of(
                text(
                    "Lageplan mit eingezeichneter Fläche und Maßen",
                    "Site plan with the area and its dimensions marked"),
                text(
                    "Bei Einschränkungen des Verkehrs: Verkehrszeichenplan",
                    "If traffic is restricted: traffic sign plan")),
            null));
  }

  private static SampleService treeFellingPermit() {
    return new SampleService(
        new ServiceCode("baumfaellgenehmigung"),
        new ServiceDefinitionContent(
            text("Baumfällgenehmigung", "Tree felling permit"),
            text(
                "Geschützte Bäume auf privaten Grundstücken dürfen nur mit Genehmigung gefällt"
                    + " oder stark zurückgeschnitten werden. Die Genehmigung kann mit der Auflage"
                    + " einer Ersatzpflanzung erteilt werden. Von März bis September ist das Fällen"
                    + " zum Schutz brütender Vögel grundsätzlich nicht erlaubt.",
                "Protected trees on private land may be felled or heavily cut back only with a"
                    + " permit. The permit may require a replacement planting. From March to"
                    + " September felling is generally not allowed, to protect nesting birds."),
            GRUENFLAECHENAMT,
            ENVIRONMENT,
            List.of("Baum", "Fällung", "Baumschutz", "Garten", "tree", "felling"),
            ServiceKind.REQUEST,
            List.of(
                attribute(
                    "species",
                    STRING,
                    true,
                    10,
                    "Baumart, zum Beispiel Spitzahorn",
                    "Tree species, for example Norway maple"),
                attribute(
                    "trunk_circumference_cm",
                    NUMBER,
                    true,
                    20,
                    "Stammumfang in Zentimetern, gemessen in 1 m Höhe",
                    "Trunk circumference in centimetres, measured 1 m above the ground"),
                attribute(
                    "number_of_trees",
                    NUMBER,
                    false,
                    30,
                    "Anzahl der Bäume dieser Art",
                    "Number of trees of this species"),
                attribute(
                    "property_address",
                    STRING,
                    true,
                    40,
                    "Anschrift oder Flurstück des Grundstücks",
                    "Address or cadastral parcel of the property"),
                attribute(
                    "reason",
                    TEXT,
                    true,
                    50,
                    "Begründung, zum Beispiel Krankheit, Bruchgefahr oder Bauvorhaben",
                    "Reason, for example disease, risk of breaking or a building project"),
                choice(
                    "applicant_role",
                    SINGLEVALUELIST,
                    true,
                    60,
                    "Sie stellen den Antrag als",
                    "You apply as",
                    value("owner", "Eigentümerin oder Eigentümer", "Owner"),
                    value(
                        "tenant",
                        "Mieterin oder Mieter mit Zustimmung der Eigentümer",
                        "Tenant with the owner's consent"),
                    value("management", "Hausverwaltung", "Property management"))),
            8_000,
            30,
            List.of(
                text(
                    "Lageplan mit dem Standort des Baums",
                    "Site plan with the location of the tree"),
                text("Fotos des Baums", "Photographs of the tree"),
                text(
                    "Wenn Sie nicht Eigentümer sind: Zustimmung der Eigentümer",
                    "If you are not the owner: the owner's consent"),
                text(
                    "Bei Krankheit oder Bruchgefahr: Gutachten, falls vorhanden",
                    "For disease or risk of breaking: an expert opinion, if available")),
            null));
  }

  private static SampleService issueReport() {
    return new SampleService(
        new ServiceCode("maengelmelder"),
        new ServiceDefinitionContent(
            text("Mängelmelder", "Report an issue in public space"),
            text(
                "Melden Sie Schlagloch, defekte Straßenlaterne, wilden Müll oder Graffiti im"
                    + " öffentlichen Raum mit dem Ort, an dem Sie es gesehen haben. Die Meldung geht"
                    + " an das zuständige Amt; Sie können den Stand der Bearbeitung verfolgen. In"
                    + " Notfällen und bei akuter Gefahr rufen Sie bitte 110 oder 112.",
                "Report a pothole, a broken street light, illegal dumping or graffiti in public"
                    + " space with the place where you saw it. The report goes to the department in"
                    + " charge; you can follow how it is handled. In emergencies and in acute"
                    + " danger please call 110 or 112."),
            ORDNUNGSAMT,
            PUBLIC_SPACE,
            List.of(
                "Mangel",
                "Schaden",
                "Schlagloch",
                "Straßenlaterne",
                "Müll",
                "Graffiti",
                "report",
                "pothole",
                "street light"),
            ServiceKind.REPORT,
            List.of(
                choice(
                    "category",
                    SINGLEVALUELIST,
                    true,
                    10,
                    "Was möchten Sie melden?",
                    "What would you like to report?",
                    value("pothole", "Schlagloch oder Straßenschaden", "Pothole or road damage"),
                    value("street_light", "Defekte Straßenlaterne", "Broken street light"),
                    value("illegal_dumping", "Wilder Müll", "Illegal dumping"),
                    value("graffiti", "Graffiti", "Graffiti"),
                    value("other", "Sonstiges", "Other")),
                attribute(
                    "photo_note",
                    STRING,
                    false,
                    20,
                    "Hinweis zum Foto, zum Beispiel was darauf zu sehen ist",
                    "Note on the photo, for example what it shows")),
            0,
            7,
            List.of(),
            null));
  }

  private static LocalizedText text(String german, String english) {
    return new LocalizedText(german, english);
  }

  private static AllowedValue value(String key, String german, String english) {
    return new AllowedValue(key, text(german, english));
  }

  private static ServiceAttribute attribute(
      String code,
      AttributeDatatype datatype,
      boolean required,
      int order,
      String german,
      String english) {
    return new ServiceAttribute(code, datatype, required, order, text(german, english), List.of());
  }

  private static ServiceAttribute choice(
      String code,
      AttributeDatatype datatype,
      boolean required,
      int order,
      String german,
      String english,
      AllowedValue... values) {
    return new ServiceAttribute(
        code, datatype, required, order, text(german, english), Arrays.asList(values));
  }
}
