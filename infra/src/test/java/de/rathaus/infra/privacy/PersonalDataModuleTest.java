package de.rathaus.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.rathaus.application.privacy.MissingKeys;
import de.rathaus.application.privacy.PersonalDataKeyMissing;
import de.rathaus.application.privacy.PersonalDataUnreadable;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The Jackson module: what is stored, what is read back, and what erasure leaves. */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataModuleTest {

  @TempDir Path keyDir;
  @TempDir Path elsewhere;
  private final MissingKeys missing = new MissingKeys();
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
    json = ProtectedJson.of(plain, keys, missing).mapper();
  }

  /** The mapper of an engine started anew on a key directory: nothing cached. */
  private ObjectMapper restartedOn(Path directory) {
    return ProtectedJson.of(
            plain,
            new CachingSubjectKeyStore(FileSubjectKeyStore.in(directory), Duration.ofSeconds(60)),
            missing)
        .mapper();
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
    assertThat(parts[0]).isEqualTo("v2");
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
  void aValueThatDoesNotAuthenticateIsAnErrorNotAPlaceholder() throws Exception {
    ObjectNode tree = (ObjectNode) plain.readTree(json.writeValueAsString(submitted()));
    ObjectNode altered = tree.deepCopy();
    ObjectNode name = (ObjectNode) altered.get("name");
    String data = name.get("$pd").asText();
    int at = data.indexOf('.', 3) + 20; // inside the ciphertext, where every bit counts
    char flipped = data.charAt(at) == 'A' ? 'B' : 'A';
    name.put("$pd", data.substring(0, at) + flipped + data.substring(at + 1));
    ObjectNode moved = tree.deepCopy();
    ObjectNode email = (ObjectNode) moved.get("email");
    // moved to another subject
    email.put("$pd", email.get("$pd").asText().replace("citizen-anna", "citizen-ben"));

    assertThat(unreadable(altered.toString(), Submitted.class, "Anna").problem())
        .isEqualTo(PersonalDataUnreadable.Problem.NOT_AUTHENTIC);
    assertThat(
            causeOf(
                    org.assertj.core.api.Assertions.catchThrowable(
                        () -> json.treeToValue(moved, Submitted.class)),
                    RuntimeException.class)
                .getMessage())
        .doesNotContain("anna@example.org");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> json.treeToValue(moved, Submitted.class)))
        .isNotNull();
    assertThat(json.treeToValue(tree, Submitted.class)).isEqualTo(submitted());
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

  /** The exception of the given type in the chain of causes of {@code thrown}. */
  static <T extends Throwable> T causeOf(Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in the causes of " + thrown, thrown);
  }

  /** Reading {@code stored} fails with PersonalDataUnreadable and shows none of the texts. */
  private PersonalDataUnreadable unreadable(String stored, Class<?> type, String... texts) {
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(() -> json.readValue(stored, type));
    assertThat(thrown).as("reading %s", stored).isNotNull();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      for (String text : texts) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain(text);
      }
    }
    return causeOf(thrown, PersonalDataUnreadable.class);
  }

  @Test
  void anEnvelopeCopiedIntoAnotherSubjectsRecordIsAnErrorNotTheirText() throws Exception {
    Submitted bens =
        new Submitted(
            "req-2",
            "Ben Beispiel",
            "ben@example.org",
            Map.of("purpose", "Bank"),
            new Location(49.1, 9.2, "Allee 1"),
            List.of(new Question("q1", "Ben fragt")),
            1,
            new CitizenId("citizen-ben"));
    JsonNode ben = plain.readTree(json.writeValueAsString(bens));
    ObjectNode anna = (ObjectNode) plain.readTree(json.writeValueAsString(submitted()));
    anna.set("name", ben.get("name")); // with write access to the database

    assertThat(unreadable(anna.toString(), Submitted.class, "Ben Beispiel").problem())
        .isEqualTo(PersonalDataUnreadable.Problem.OTHER_SUBJECT);
    Throwable fromTree =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> json.treeToValue(anna, Submitted.class));
    assertThat(causeOf(fromTree, PersonalDataUnreadable.class).problem())
        .isEqualTo(PersonalDataUnreadable.Problem.OTHER_SUBJECT);
  }

  @Test
  void anEnvelopeCopiedIntoAnotherFieldOfTheSameRecordIsAnError() throws Exception {
    JsonNode original = plain.readTree(json.writeValueAsString(submitted()));

    ObjectNode emailAsName = original.deepCopy();
    emailAsName.set("name", original.get("email"));
    assertThat(unreadable(emailAsName.toString(), Submitted.class, "anna@example.org").problem())
        .isEqualTo(PersonalDataUnreadable.Problem.NOT_AUTHENTIC);

    ObjectNode swappedMapValue = original.deepCopy();
    ((ObjectNode) swappedMapValue.get("attributes"))
        .set("copies", original.get("attributes").get("purpose"));
    assertThat(unreadable(swappedMapValue.toString(), Submitted.class, "Firma Beispiel").problem())
        .isEqualTo(PersonalDataUnreadable.Problem.NOT_AUTHENTIC);

    ObjectNode questionAsAddress = original.deepCopy();
    ((ObjectNode) questionAsAddress.get("location"))
        .set("address", original.get("questions").get(0).get("text"));
    assertThat(unreadable(questionAsAddress.toString(), Submitted.class, "Seit wann").problem())
        .isEqualTo(PersonalDataUnreadable.Problem.NOT_AUTHENTIC);

    Submitted twoQuestions =
        new Submitted(
            "req-1",
            null,
            null,
            Map.of(),
            null,
            List.of(new Question("q1", "Seit wann?"), new Question("q2", "Wie lange?")),
            1,
            new CitizenId("citizen-anna"));
    ObjectNode swapped = (ObjectNode) plain.readTree(json.writeValueAsString(twoQuestions));
    JsonNode first = swapped.get("questions").get(0).get("text");
    ((ObjectNode) swapped.get("questions").get(0))
        .set("text", swapped.get("questions").get(1).get("text"));
    ((ObjectNode) swapped.get("questions").get(1)).set("text", first);
    assertThat(unreadable(swapped.toString(), Submitted.class, "Wie lange").problem())
        .isEqualTo(PersonalDataUnreadable.Problem.NOT_AUTHENTIC);
    Throwable fromTree =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> json.treeToValue(swapped, Submitted.class));
    assertThat(causeOf(fromTree, PersonalDataUnreadable.class).problem())
        .isEqualTo(PersonalDataUnreadable.Problem.NOT_AUTHENTIC);
  }

  @Test
  void anEnvelopeOfTheUnboundFormatV1IsRefusedClearly() throws Exception {
    ObjectNode stored = (ObjectNode) plain.readTree(json.writeValueAsString(submitted()));
    String kid = keys.currentKey("citizen-anna").kid();
    stored.set(
        "name",
        plain
            .createObjectNode()
            .put("$pd", "v1." + kid + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.citizen-anna"));

    PersonalDataUnreadable refused = unreadable(stored.toString(), Submitted.class);

    assertThat(refused.problem()).isEqualTo(PersonalDataUnreadable.Problem.OLD_FORMAT);
    assertThat(refused.getMessage()).contains("v1").doesNotContain("citizen-anna");
  }

  @Test
  void aKeyMissingWithoutARecordedErasureIsAnErrorLoggedAndCountedNotAPlaceholder(
      CapturedOutput logs) throws Exception {
    String stored = json.writeValueAsString(submitted());
    String kid = keys.keyId("citizen-anna").orElseThrow();
    Path keyFile = FileSubjectKeyStore.in(keyDir).fileOf("citizen-anna");
    Files.move(keyFile, elsewhere.resolve("unmounted.key")); // the directory is not the right one
    ObjectMapper restarted = restartedOn(keyDir);

    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> restarted.readValue(stored, Submitted.class));

    assertThat(causeOf(thrown, PersonalDataKeyMissing.class).keyId()).isEqualTo(kid);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage()))
          .doesNotContain("Anna Beispiel")
          .doesNotContain("citizen-anna");
    }
    assertThat(missing.total()).isEqualTo(1);
    assertThat(logs.getAll())
        .contains("its key " + kid + " is missing from the key directory")
        .doesNotContain("Anna Beispiel")
        .doesNotContain("citizen-anna");

    Files.move(elsewhere.resolve("unmounted.key"), keyFile); // the right directory is back
    assertThat(restarted.readValue(stored, Submitted.class)).isEqualTo(submitted());
  }

  @Test
  void theKeysOfAnotherKeyStoreAreAnErrorNotAPlaceholder() throws Exception {
    String stored = json.writeValueAsString(submitted());
    ObjectMapper other = restartedOn(elsewhere); // another instance's key directory
    other.writeValueAsString(submitted()); // it has a key of citizen-anna, another one

    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> other.readValue(stored, Submitted.class));

    assertThat(causeOf(thrown, PersonalDataKeyMissing.class)).isNotNull();
    assertThat(missing.total()).isEqualTo(1);
  }

  @Test
  void anErasureIsSeenAsErasedByAnInstanceStartedLater() throws Exception {
    String stored = json.writeValueAsString(submitted());
    keys.destroy("citizen-anna");

    Submitted read = restartedOn(keyDir).readValue(stored, Submitted.class);

    assertThat(read.name()).isEqualTo(PersonalDataModule.ERASED);
    assertThat(read.attributes()).containsEntry("purpose", PersonalDataModule.ERASED);
    assertThat(missing.total()).isZero();
  }

  @Test
  void theApplicationsMapperIsLeftAlone() throws Exception {
    String stored = plain.writeValueAsString(submitted());

    assertThat(stored).contains("Anna Beispiel").doesNotContain("$pd");
    assertThat(plain.getRegisteredModuleIds())
        .doesNotContain(new PersonalDataModule(keys).getTypeId());
  }
}
