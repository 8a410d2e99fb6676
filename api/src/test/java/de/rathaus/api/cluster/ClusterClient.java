package de.rathaus.api.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Plain HTTP to one instance as a demo account (Basic). Not {@link de.rathaus.api.TestClient}: its
 * contract check fetches each engine's OpenAPI document, which costs more than a short load.
 */
final class ClusterClient {

  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * How long an idle connection is kept for reuse, in seconds: Java 17's client keeps one for 1200
   * s, Tomcat closes an idle keep-alive connection after its connection timeout (60 s by default),
   * and a request sent on a connection the server has just closed fails with "HTTP/1.1 header
   * parser received no bytes" although no instance cut anything off. Read once, when the JVM's
   * first HttpClient is made; {@link Cluster} makes its own through {@link #client}.
   */
  static final String KEEP_ALIVE_SECONDS = "20";

  private static final HttpClient HTTP = client();

  /** An HTTP/1.1 client whose idle connections are dropped before the server drops them. */
  static HttpClient client() {
    System.setProperty("jdk.httpclient.keepalive.timeout", KEEP_ALIVE_SECONDS);
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .build();
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** An answer: status, body and the one header the load reads. */
  record Answer(int status, String body, String replayed) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
      }
    }

    boolean ok() {
      return status / 100 == 2;
    }
  }

  private ClusterClient() {}

  /**
   * Sends one request; an {@link IOException} when the instance cut the connection (killed) or did
   * not answer in time: the outcome is then unknown.
   */
  static Answer send(
      String base, String method, String path, String user, String json, String idempotencyKey)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(TIMEOUT)
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    HttpResponse<String> answer =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(
        answer.statusCode(),
        answer.body(),
        answer.headers().firstValue("Idempotent-Replayed").orElse(null));
  }

  static Answer get(String base, String path, String user)
      throws IOException, InterruptedException {
    return send(base, "GET", path, user, null, null);
  }
}
