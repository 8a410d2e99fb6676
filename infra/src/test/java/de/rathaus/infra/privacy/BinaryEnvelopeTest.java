package de.rathaus.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import de.rathaus.application.privacy.PersonalDataUnreadable;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.infra.privacy.PersonalRecords.Location;
import de.rathaus.infra.privacy.PersonalRecords.Profile;
import de.rathaus.infra.privacy.PersonalRecords.Question;
import de.rathaus.infra.privacy.PersonalRecords.Submitted;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Binary envelopes (format v3), as the event store gets them: written where the output holds binary
 * values (a tree, from which BSON is written), read back from a tree, bound to subject and field as
 * text envelopes are ({@code PersonalDataModuleTest} tests those through JSON text).
 */
class BinaryEnvelopeTest {

  @TempDir Path keyDir;
  private SubjectKeyStore keys;
  private ObjectMapper json;

  @BeforeEach
  void mappers() {
    keys = new CachingSubjectKeyStore(FileSubjectKeyStore.in(keyDir), Duration.ofSeconds(60));
    ObjectMapper plain =
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

  private static FieldCipher.Sealed sealedAt(JsonNode node) {
    assertThat(node.isBinary()).as("a binary envelope").isTrue();
    return FieldCipher.Sealed.of(((BinaryNode) node).binaryValue());
  }

  private PersonalDataUnreadable.Problem problemReading(JsonNode tree, Class<?> type) {
    Throwable thrown = catchThrowable(() -> json.treeToValue(tree, type));
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof PersonalDataUnreadable unreadable) {
        return unreadable.problem();
      }
    }
    throw new AssertionError("not unreadable: " + thrown);
  }

  @Test
  void everyPersonalValueIsOneBinaryEnvelopeAndReadsBack() throws Exception {
    JsonNode tree = json.valueToTree(submitted());

    assertThat(sealedAt(tree.get("name")).format()).isEqualTo(FieldCipher.Sealed.BINARY_STRING);
    assertThat(sealedAt(tree.get("name")).subject()).isEqualTo("citizen-anna");
    assertThat(sealedAt(tree.get("attributes").get("purpose")).string()).isTrue();
    assertThat(sealedAt(tree.get("attributes").get("copies")).format())
        .isEqualTo(FieldCipher.Sealed.BINARY);
    assertThat(tree.get("attributes").get("note").isNull()).isTrue();
    assertThat(sealedAt(tree.get("location").get("address")).string()).isTrue();
    assertThat(sealedAt(tree.get("questions").get(0).get("text")).string()).isTrue();
    assertThat(tree.get("questions").get(1).get("text").isNull()).isTrue();
    assertThat(tree.get("requestId").asText()).isEqualTo("req-1");
    assertThat(json.treeToValue(tree, Submitted.class)).isEqualTo(submitted());
  }

  @Test
  void otherTypesAreOneBinaryEnvelopeEachAndReadAsNullOnceErased() throws Exception {
    Profile profile =
        new Profile(
            "citizen-ben",
            new Location(49.1, 9.2, "Allee 1"),
            List.of("+49 7131 000000"),
            LocalDate.of(1990, 5, 17),
            Map.of("children", 2),
            "Heilbronn");

    JsonNode tree = json.valueToTree(profile);

    assertThat(sealedAt(tree.get("home")).format()).isEqualTo(FieldCipher.Sealed.BINARY);
    assertThat(sealedAt(tree.get("birthday")).format()).isEqualTo(FieldCipher.Sealed.BINARY);
    assertThat(json.treeToValue(tree, Profile.class)).isEqualTo(profile);
    keys.destroy("citizen-ben");
    Profile erased = json.treeToValue(tree, Profile.class);
    assertThat(erased.home()).isNull();
    assertThat(erased.phones()).isNull();
    assertThat(erased.birthday()).isNull();
    assertThat(erased.counts()).containsEntry("children", null);
    assertThat(erased.city()).isEqualTo("Heilbronn");
  }

  @Test
  void afterErasureBinaryTextReadsErased() throws Exception {
    JsonNode tree = json.valueToTree(submitted());

    keys.destroy("citizen-anna");
    Submitted erased = json.treeToValue(tree, Submitted.class);

    assertThat(erased.name()).isEqualTo(PersonalDataModule.ERASED);
    assertThat(erased.attributes())
        .containsEntry("purpose", PersonalDataModule.ERASED)
        .containsEntry("copies", PersonalDataModule.ERASED);
    assertThat(erased.location().address()).isEqualTo(PersonalDataModule.ERASED);
    assertThat(erased.questions().get(0).text()).isEqualTo(PersonalDataModule.ERASED);
    assertThat(erased.requestId()).isEqualTo("req-1");
  }

  @Test
  void aBinaryEnvelopeIsSmallerThanItsText() throws Exception {
    JsonNode tree = json.valueToTree(submitted());
    String text =
        json.readTree(json.writeValueAsString(submitted())).get("name").get("$pd").asText();

    // base64 made IV, ciphertext and tag a third longer; the separators and "v2" go too
    int data = 12 + "\"Anna Beispiel\"".length() + 16;
    assertThat(((BinaryNode) tree.get("name")).binaryValue().length)
        .isLessThanOrEqualTo(text.length() - data / 3 - 3);
  }

  @Test
  void aChangedByteDoesNotAuthenticate() {
    ObjectNode tree = json.valueToTree(submitted());
    byte[] bytes = ((BinaryNode) tree.get("name")).binaryValue().clone();
    bytes[bytes.length - 20] ^= 1; // inside the ciphertext
    tree.set("name", BinaryNode.valueOf(bytes));

    assertThat(problemReading(tree, Submitted.class))
        .isEqualTo(PersonalDataUnreadable.Problem.NOT_AUTHENTIC);
  }

  @Test
  void aStringEnvelopeMarkedAsJsonDoesNotAuthenticate() {
    // the first byte says how the clear text is read; it is authenticated with the rest
    ObjectNode tree = json.valueToTree(submitted());
    byte[] bytes = ((BinaryNode) tree.get("name")).binaryValue().clone();
    bytes[0] = 3;
    tree.set("name", BinaryNode.valueOf(bytes));

    assertThat(problemReading(tree, Submitted.class))
        .isEqualTo(PersonalDataUnreadable.Problem.NOT_AUTHENTIC);
  }

  @Test
  void aBinaryEnvelopeMovedToAnotherFieldDoesNotAuthenticate() {
    ObjectNode original = json.valueToTree(submitted());

    ObjectNode emailAsName = original.deepCopy();
    emailAsName.set("name", original.get("email"));
    ObjectNode swappedMapValue = original.deepCopy();
    ((ObjectNode) swappedMapValue.get("attributes"))
        .set("copies", original.get("attributes").get("purpose"));
    ObjectNode questionAsAddress = original.deepCopy();
    ((ObjectNode) questionAsAddress.get("location"))
        .set("address", original.get("questions").get(0).get("text"));

    assertThat(problemReading(emailAsName, Submitted.class))
        .isEqualTo(PersonalDataUnreadable.Problem.NOT_AUTHENTIC);
    assertThat(problemReading(swappedMapValue, Submitted.class))
        .isEqualTo(PersonalDataUnreadable.Problem.NOT_AUTHENTIC);
    assertThat(problemReading(questionAsAddress, Submitted.class))
        .isEqualTo(PersonalDataUnreadable.Problem.NOT_AUTHENTIC);
  }

  @Test
  void aBinaryEnvelopeCopiedIntoAnotherSubjectsRecordIsAnError() {
    Submitted bens =
        new Submitted(
            "req-2",
            "Ben Beispiel",
            "ben@example.org",
            Map.of("purpose", "Bank"),
            null,
            List.of(),
            1,
            new CitizenId("citizen-ben"));
    JsonNode ben = json.valueToTree(bens);
    ObjectNode anna = json.valueToTree(submitted());
    anna.set("name", ben.get("name"));

    assertThat(problemReading(anna, Submitted.class))
        .isEqualTo(PersonalDataUnreadable.Problem.OTHER_SUBJECT);
  }

  @Test
  void aBinaryEnvelopeRewrittenAsTextDoesNotAuthenticate() {
    // the same key, IV and ciphertext in a text envelope: the format is part of what is bound
    ObjectNode tree = json.valueToTree(submitted());
    FieldCipher.Sealed binary = sealedAt(tree.get("location").get("address"));
    byte[] data = Arrays.copyOfRange(binary.bytes(), binary.offset(), binary.bytes().length);
    String text =
        "v2."
            + binary.kid()
            + '.'
            + Base64.getUrlEncoder().withoutPadding().encodeToString(data)
            + '.'
            + binary.subject();
    ((ObjectNode) tree.get("location"))
        .set("address", json.createObjectNode().set("$pd", TextNode.valueOf(text)));

    assertThat(problemReading(tree, Submitted.class))
        .isEqualTo(PersonalDataUnreadable.Problem.NOT_AUTHENTIC);
  }

  @Test
  void bytesThatAreNoEnvelopeAreDamaged() {
    ObjectNode cut = json.valueToTree(submitted());
    byte[] bytes = ((BinaryNode) cut.get("name")).binaryValue();
    cut.set("name", BinaryNode.valueOf(Arrays.copyOf(bytes, 6)));
    ObjectNode unknown = json.valueToTree(submitted());
    byte[] other = ((BinaryNode) unknown.get("email")).binaryValue().clone();
    other[0] = 9;
    unknown.set("email", BinaryNode.valueOf(other));

    assertThat(problemReading(cut, Submitted.class))
        .isEqualTo(PersonalDataUnreadable.Problem.DAMAGED);
    assertThat(problemReading(unknown, Submitted.class))
        .isEqualTo(PersonalDataUnreadable.Problem.DAMAGED);
  }
}
