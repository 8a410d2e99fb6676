package de.rathaus.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.infra.privacy.PersonalRecords.Anonymous;
import de.rathaus.infra.privacy.PersonalRecords.Household;
import de.rathaus.infra.privacy.PersonalRecords.Location;
import de.rathaus.infra.privacy.PersonalRecords.Misread;
import de.rathaus.infra.privacy.PersonalRecords.Profile;
import de.rathaus.infra.privacy.PersonalRecords.Question;
import de.rathaus.infra.privacy.PersonalRecords.Remark;
import de.rathaus.infra.privacy.PersonalRecords.Submitted;
import de.rathaus.infra.privacy.PersonalRecords.Unmarked;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Jackson module: what is stored, what is read back, and what erasure leaves. */
class PersonalDataModuleTest {

  @TempDir Path keyDir;
  private SubjectKeyStore keys;
  private ObjectMapper plain;
  private ObjectMapper json;

  @BeforeEach
  void mappers() {
    keys = new CachingSubjectKeyStore(FileSubjectKeyStore.in(keyDir), Duration.ofSeconds(60));
    plain =
        JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    json = ProtectedJson.of(plain, keys).mapper();
  }

  private static Submitted submitted() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("purpose", "Arbeitgeber Firma Beispiel");
    attributes.put("copies", 2);
    attributes.put("note", null);
    return new Submitted(
        "req-1",
        "Anna Beispiel",
        "anna@example.org",
        attributes,
        new Location(49.14, 9.22, "Marktplatz 7, Heilbronn"),
        List.of(new Question("q1", "Seit wann wohnen Sie dort?"), new Question("q2", null)),
        1,
        new CitizenId("citizen-anna"));
  }

  private static void assertNoPlaintext(String stored) {
    assertThat(stored)
        .doesNotContain("Anna Beispiel")
        .doesNotContain("anna@example.org")
        .doesNotContain("Firma Beispiel")
        .doesNotContain("Marktplatz")
        .doesNotContain("Seit wann");
  }

  @Test
  void roundTripsARecordWithTextMapNestedRecordAndListOfRecords() throws Exception {
    Submitted original = submitted();

    String stored = json.writeValueAsString(original);

    assertThat(json.readValue(stored, Submitted.class)).isEqualTo(original);
  }

  @Test
  void storesNoPlaintextButKeepsNonPersonalFieldsAndMapKeysReadable() throws Exception {
    String stored = json.writeValueAsString(submitted());
    JsonNode tree = plain.readTree(stored);

    assertNoPlaintext(stored);
    assertThat(tree.get("requestId").asText()).isEqualTo("req-1");
    assertThat(tree.get("applicant").get("value").asText()).isEqualTo("citizen-anna");
    assertThat(tree.get("copies").asInt()).isEqualTo(1);
    assertThat(tree.get("location").get("lat").asDouble()).isEqualTo(49.14);
    assertThat(tree.get("questions").get(0).get("code").asText()).isEqualTo("q1");
    assertThat(tree.get("attributes").fieldNames())
        .toIterable()
        .containsExactly("purpose", "copies", "note");
    assertThat(tree.get("attributes").get("note").isNull()).isTrue();
    assertThat(tree.get("questions").get(1).get("text").isNull()).isTrue();
    JsonNode envelope = tree.get("name");
    assertThat(envelope.size()).isEqualTo(1);
    String[] parts = envelope.get("$pd").asText().split("\\.", 4);
    assertThat(parts[0]).isEqualTo("v1");
    assertThat(parts[1]).hasSize(8);
    assertThat(parts[3]).isEqualTo("citizen-anna");
    assertThat(tree.get("attributes").get("copies").has("$pd")).isTrue();
    assertThat(tree.get("location").get("address").has("$pd")).isTrue();
    assertThat(tree.get("questions").get(0).get("text").has("$pd")).isTrue();
  }

  @Test
  void encryptsEveryValueWithAFreshIv() throws Exception {
    JsonNode first = plain.readTree(json.writeValueAsString(submitted()));
    JsonNode second = plain.readTree(json.writeValueAsString(submitted()));

    assertThat(first.get("name").get("$pd")).isNotEqualTo(second.get("name").get("$pd"));
  }

  @Test
  void valueToTreeProtectsAsWell() throws Exception {
    JsonNode tree = json.valueToTree(submitted());

    assertNoPlaintext(tree.toString());
    assertThat(json.treeToValue(tree, Submitted.class)).isEqualTo(submitted());
  }

  @Test
  void afterErasurePersonalValuesReadAsPlaceholdersAndTheRestStays() throws Exception {
    String stored = json.writeValueAsString(submitted());

    assertThat(keys.destroy("citizen-anna")).isTrue();
    Submitted read = json.readValue(stored, Submitted.class);

    assertThat(read.name()).isEqualTo(PersonalDataModule.ERASED);
    assertThat(read.email()).isEqualTo(PersonalDataModule.ERASED);
    assertThat(read.attributes())
        .containsEntry("purpose", PersonalDataModule.ERASED)
        .containsEntry("copies", PersonalDataModule.ERASED)
        .containsEntry("note", null);
    assertThat(read.location()).isEqualTo(new Location(49.14, 9.22, PersonalDataModule.ERASED));
    assertThat(read.questions())
        .containsExactly(new Question("q1", PersonalDataModule.ERASED), new Question("q2", null));
    assertThat(read.requestId()).isEqualTo("req-1");
    assertThat(read.copies()).isEqualTo(1);
    assertThat(read.applicant()).isEqualTo(new CitizenId("citizen-anna"));
  }

  @Test
  void savingPlaceholdersAgainAfterErasureMakesNoNewKey() throws Exception {
    String stored = json.writeValueAsString(submitted());
    keys.destroy("citizen-anna");
    Submitted erased = json.readValue(stored, Submitted.class);

    String savedAgain = json.writeValueAsString(erased);

    assertThat(keys.exists("citizen-anna")).isFalse();
    assertThat(json.readValue(savedAgain, Submitted.class)).isEqualTo(erased);
  }

  @Test
  void aNewKeyAfterErasureDoesNotDecryptWhatWasWrittenBefore() throws Exception {
    String before = json.writeValueAsString(submitted());
    String oldKid = plain.readTree(before).get("name").get("$pd").asText().split("\\.")[1];
    keys.destroy("citizen-anna");

    String after = json.writeValueAsString(submitted());

    assertThat(keys.currentKey("citizen-anna").kid()).isNotEqualTo(oldKid);
    assertThat(json.readValue(before, Submitted.class).name()).isEqualTo(PersonalDataModule.ERASED);
    assertThat(json.readValue(after, Submitted.class)).isEqualTo(submitted());
  }

  @Test
  void aValueThatDoesNotAuthenticateReadsAsErased() throws Exception {
    ObjectNode tree = (ObjectNode) plain.readTree(json.writeValueAsString(submitted()));
    ObjectNode name = (ObjectNode) tree.get("name");
    String data = name.get("$pd").asText();
    int at = data.indexOf('.', 3) + 20; // inside the ciphertext, where every bit counts
    char flipped = data.charAt(at) == 'A' ? 'B' : 'A';
    name.put("$pd", data.substring(0, at) + flipped + data.substring(at + 1));
    ObjectNode email = (ObjectNode) tree.get("email");
    // moved to another subject
    email.put("$pd", email.get("$pd").asText().replace("citizen-anna", "citizen-ben"));

    Submitted read = json.treeToValue(tree, Submitted.class);

    assertThat(read.name()).isEqualTo(PersonalDataModule.ERASED);
    assertThat(read.email()).isEqualTo(PersonalDataModule.ERASED);
    assertThat(read.location().address()).isEqualTo("Marktplatz 7, Heilbronn");
  }

  @Test
  void otherTypesAreOneEnvelopeEachAndReadAsNullOnceErased() throws Exception {
    Profile profile =
        new Profile(
            "citizen-ben",
            new Location(49.1, 9.2, "Allee 1"),
            List.of("+49 7131 000000"),
            LocalDate.of(1990, 5, 17),
            Map.of("children", 2),
            "Heilbronn");

    String stored = json.writeValueAsString(profile);

    assertThat(stored).doesNotContain("Allee").doesNotContain("7131").doesNotContain("1990");
    assertThat(plain.readTree(stored).get("home").fieldNames()).toIterable().containsExactly("$pd");
    assertThat(json.readValue(stored, Profile.class)).isEqualTo(profile);

    keys.destroy("citizen-ben");
    Profile erased = json.readValue(stored, Profile.class);
    assertThat(erased.home()).isNull();
    assertThat(erased.phones()).isNull();
    assertThat(erased.birthday()).isNull();
    assertThat(erased.counts()).containsEntry("children", null);
    assertThat(erased.city()).isEqualTo("Heilbronn");
  }

  @Test
  void aNestedRecordWithASubjectOfItsOwnUsesItsOwnKey() throws Exception {
    Household household =
        new Household(
            new CitizenId("citizen-anna"),
            "Familie Beispiel",
            new Profile("citizen-ben", null, List.of("0171"), null, null, "Heilbronn"));

    String stored = json.writeValueAsString(household);
    keys.destroy("citizen-ben");
    Household read = json.readValue(stored, Household.class);

    assertThat(plain.readTree(stored).get("member").get("phones").get("$pd").asText())
        .endsWith(".citizen-ben");
    assertThat(read.name()).isEqualTo("Familie Beispiel");
    assertThat(read.member().phones()).isNull();
  }

  @Test
  void recordsWithoutAnnotationsAreWrittenAndReadAsWithoutTheModule() throws Exception {
    Unmarked unmarked =
        new Unmarked(
            "Anna Beispiel",
            Map.of("purpose", "Arbeitgeber"),
            List.of(new Remark("q1", "Seit wann?")));

    String stored = json.writeValueAsString(unmarked);

    assertThat(stored).isEqualTo(plain.writeValueAsString(unmarked));
    assertThat(json.readValue(stored, Unmarked.class)).isEqualTo(unmarked);
  }

  @Test
  void personalDataWithoutASubjectIsRefusedNotWrittenPlain() {
    Anonymous anonymous = new Anonymous(null, "Hinweis ohne Absender");

    assertThatThrownBy(() -> json.writeValueAsString(anonymous))
        .isInstanceOf(JsonMappingException.class)
        .message()
        .contains("without a data subject")
        .doesNotContain("Hinweis");
  }

  @Test
  void aPersonalRecordInsideARecordWithoutSubjectIsRefused() {
    record Holder(String name, List<Question> questions) {}
    Holder holder = new Holder("x", List.of(new Question("q1", "Seit wann?")));

    assertThatThrownBy(() -> json.writeValueAsString(holder))
        .isInstanceOf(JsonMappingException.class)
        .message()
        .doesNotContain("Seit wann");
  }

  @Test
  void aPlaceholderWithoutASubjectIsWritten() throws Exception {
    Anonymous erased = new Anonymous(null, "[erased]");

    assertThat(json.readValue(json.writeValueAsString(erased), Anonymous.class)).isEqualTo(erased);
  }

  @Test
  void aDecryptedValueOfTheWrongTypeIsNotQuotedInTheError() throws Exception {
    String stored = json.writeValueAsString(new Anonymous("citizen-anna", "Hinweis"));

    assertThatThrownBy(() -> json.readValue(stored, Misread.class))
        .isInstanceOf(JsonMappingException.class)
        .message()
        .doesNotContain("Hinweis");
  }

  @Test
  void valuesWrittenBeforeProtectionAreReadAsTheyAre() throws Exception {
    String legacy = plain.writeValueAsString(submitted());

    assertThat(json.readValue(legacy, Submitted.class)).isEqualTo(submitted());
  }

  @Test
  void theApplicationsMapperIsLeftAlone() throws Exception {
    String stored = plain.writeValueAsString(submitted());

    assertThat(stored).contains("Anna Beispiel").doesNotContain("$pd");
    assertThat(plain.getRegisteredModuleIds())
        .doesNotContain(new PersonalDataModule(keys).getTypeId());
  }
}
