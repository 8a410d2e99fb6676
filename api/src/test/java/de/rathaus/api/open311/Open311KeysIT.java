package de.rathaus.api.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import de.rathaus.api.privacy.DataFiles;
import de.rathaus.application.open311.Open311Client;
import de.rathaus.application.open311.Open311Keys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Open311 key administration through HTTP: an administrator issues a key and sees it this once
 * (never in a list, the history, the data directory or the log); the key is a client at once; a
 * revocation (POST …/revocation or DELETE) refuses it from its answer on; a second revocation is
 * 409, an unknown or malformed id 404, a blank or overlong name a 400 problem that records nothing;
 * every change is in the audit trail with who made it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class Open311KeysIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  @Autowired Open311Keys keys;
  private TestClient client;

  @BeforeEach
  void client() {
    client = new TestClient(port).withHeader("Accept-Language", "en");
  }

  private TestClient.Response issue(String name) {
    return client
        .post("/api/v1/open311/keys")
        .as("ada")
        .json("{\"name\": \"" + name + "\"}")
        .send();
  }

  private List<JsonNode> listed() {
    List<JsonNode> all = new ArrayList<>();
    String next = "/api/v1/open311/keys?size=2";
    while (next != null) {
      JsonNode page = client.get(next).as("ada").expect(200);
      page.path("items").forEach(all::add);
      next = page.path("next").isNull() ? null : page.path("next").asText();
    }
    return all;
  }

  @Test
  void anIssuedKeyIsShownOnceAndIsAClientAtOnce(CapturedOutput output) throws Exception {
    TestClient.Response created = issue("Klarschiff Heilbronn").expect(201);
    JsonNode body = created.json();
    String id = body.path("id").asText();
    String key = body.path("key").asText();

    assertThat(key).matches("[0-9a-f]{20}\\.[A-Za-z0-9_-]{43}").startsWith(id + ".");
    assertThat(body.path("name").asText()).isEqualTo("Klarschiff Heilbronn");
    assertThat(body.path("createdAt").asText()).isNotBlank();
    assertThat(created.header("Location")).contains("/api/v1/open311/keys/" + id);
    assertThat(created.header("Cache-Control").orElse("")).contains("no-store");
    assertThat(keys.verify(key)).contains(new Open311Client(id, "Klarschiff Heilbronn"));

    String secret = key.substring(21);
    String hash = de.rathaus.application.open311.Open311KeyHashes.hash(key);
    JsonNode one = client.get("/api/v1/open311/keys/" + id).as("ada").expect(200);
    assertThat(one.path("revoked").asBoolean()).isFalse();
    assertThat(one.has("key")).isFalse();
    String list = client.get("/api/v1/open311/keys?size=500").as("ada").expect(200).toString();
    assertThat(list).contains(id).doesNotContain(secret).doesNotContain(hash);
    assertThat(one.toString()).doesNotContain(secret).doesNotContain(hash);

    JsonNode history =
        client.get("/api/v1/audit/aggregates/open311-key:" + id + "/history").as("udo").expect(200);
    JsonNode issued = history.path("items").get(0);
    assertThat(issued.path("type").asText()).endsWith("Open311KeyIssued");
    assertThat(issued.path("actor").path("id").asText()).isEqualTo("ada");
    assertThat(history.toString()).doesNotContain(secret);
    assertThat(DataFiles.containing(dataDir, secret)).isEmpty();
    assertThat(output.getAll()).doesNotContain(secret);
  }

  @Test
  void aRevokedKeyIsRefusedFromTheRevocationsAnswerOnAndStaysRevoked() {
    JsonNode body = issue("Dashboard").expect(201).json();
    String id = body.path("id").asText();
    String key = body.path("key").asText();
    assertThat(keys.verify(key)).isPresent();

    JsonNode revoked =
        client
            .post("/api/v1/open311/keys/" + id + "/revocation")
            .as("ada")
            .json("{\"reason\": \"leaked in a screenshot\"}")
            .expect(200);
    assertThat(keys.verify(key)).isEmpty();
    assertThat(revoked.path("revoked").asBoolean()).isTrue();
    assertThat(revoked.path("revokedAt").asText()).isNotBlank();

    TestClient.Response again =
        client.post("/api/v1/open311/keys/" + id + "/revocation").as("ada").send().expect(409);
    assertThat(again.isProblem()).isTrue();
    assertThat(again.json().path("code").asText()).isEqualTo("ALREADY_REVOKED");
    assertThat(client.delete("/api/v1/open311/keys/" + id).as("ada").send().expect(409).isProblem())
        .isTrue();
    assertThat(keys.verify(key)).isEmpty();

    JsonNode history =
        client.get("/api/v1/audit/aggregates/open311-key:" + id + "/history").as("udo").expect(200);
    assertThat(history.path("items")).hasSize(2);
    assertThat(history.path("items").get(1).path("type").asText()).endsWith("Open311KeyRevoked");
    assertThat(history.path("items").get(1).path("actor").path("id").asText()).isEqualTo("ada");
  }

  @Test
  void deleteRevokesTooAndTheKeyStaysListedAsRevoked() {
    JsonNode body = issue("Stadtplan-App").expect(201).json();
    String id = body.path("id").asText();

    client.delete("/api/v1/open311/keys/" + id).as("ada").send().expect(204);

    assertThat(keys.verify(body.path("key").asText())).isEmpty();
    JsonNode listedKey =
        listed().stream().filter(k -> k.path("id").asText().equals(id)).findFirst().orElseThrow();
    assertThat(listedKey.path("revoked").asBoolean()).isTrue();
  }

  @Test
  void anUnknownOrMalformedIdIsNotFound() {
    String unknown = "00000000000000000000";
    for (String id : List.of(unknown, "not-a-key", "0123456789ABCDEF0123")) {
      assertThat(
              client
                  .post("/api/v1/open311/keys/" + id + "/revocation")
                  .as("ada")
                  .send()
                  .expect(404)
                  .isProblem())
          .isTrue();
    }
    assertThat(
            client
                .delete("/api/v1/open311/keys/" + unknown)
                .as("ada")
                .send()
                .expect(404)
                .isProblem())
        .isTrue();
    assertThat(
            client.get("/api/v1/open311/keys/" + unknown).as("ada").send().expect(404).isProblem())
        .isTrue();
  }

  @Test
  void aBlankOrOverlongNameIsAProblemAndRecordsNothing() {
    int before = listed().size();
    for (String bad :
        List.of(
            "{\"name\": \"\"}",
            "{\"name\": \"   \"}",
            "{}",
            "{\"name\": \"" + "x".repeat(101) + "\"}",
            "[]")) {
      TestClient.Response refused =
          client.post("/api/v1/open311/keys").as("ada").json(bad).send().expect(400);
      assertThat(refused.isProblem()).as(bad).isTrue();
    }
    assertThat(issue("x".repeat(100)).expect(201).json().path("name").asText()).hasSize(100);
    assertThat(listed()).hasSize(before + 1);
    assertThat(client.get("/api/v1/open311/keys?size=0").as("ada").send().expect(400).isProblem())
        .isTrue();
  }

  @Test
  void aKeyPresentedWithAnotherSecretOrTamperedIsNoClient() {
    String key = issue("Dashboard").expect(201).json().path("key").asText();
    String other = issue("Other").expect(201).json().path("key").asText();
    assertThat(keys.verify(key.substring(0, 21) + other.substring(21))).isEmpty();
    char last = key.charAt(key.length() - 1);
    assertThat(keys.verify(key.substring(0, key.length() - 1) + (last == 'A' ? 'B' : 'A')))
        .isEmpty();
    assertThat(keys.verify(key)).isPresent();
  }
}
