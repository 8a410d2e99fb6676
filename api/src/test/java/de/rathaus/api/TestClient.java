package de.rathaus.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The integration tests' HTTP client for the engine under test: method, path, an optional body
 * (JSON unless told otherwise), an optional caller (a demo account over HTTP Basic, or a bearer
 * token), extra headers; answers status, headers and the body, parsed as JSON on demand.
 *
 * <pre>{@code
 * TestClient client = new TestClient(port);
 * JsonNode created = client.post("/api/v1/requests").as("anna").json(body).expect(201);
 * Response list = client.get("/api/v1/requests").bearer(token).header("Accept-Language", "en").send();
 * }</pre>
 *
 * <p>Every request has a timeout, so a test never hangs on the engine. Immutable and thread-safe;
 * {@link #withHeader} gives a client that adds a header to every request.
 *
 * <p>Every exchange under {@code /api/} is checked against the engine's own OpenAPI description
 * ({@link ContractCheck}): an answer (or an accepted request) that breaks it fails the call, and so
 * the test, with an {@link AssertionError} that lists each violation. A test that deliberately
 * calls something that is no operation of the API says why with {@link Call#offContract}.
 */
public final class TestClient {

  /** The demo accounts' password (docs/design.md section 6). */
  public static final String DEMO_PASSWORD = "demo";

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final List<String[]> defaultHeaders;

  /** A client of the engine listening on {@code port} of the loopback address. */
  public TestClient(int port) {
    this("http://127.0.0.1:" + port, List.of());
  }

  private TestClient(String base, List<String[]> defaultHeaders) {
    this.base = base;
    this.defaultHeaders = defaultHeaders;
  }

  /** A client that sends this header with every request too (e.g. {@code Accept-Language}). */
  public TestClient withHeader(String name, String value) {
    List<String[]> headers = new ArrayList<>(defaultHeaders);
    headers.add(new String[] {name, value});
    return new TestClient(base, List.copyOf(headers));
  }

  public Call get(String path) {
    return call("GET", path);
  }

  public Call post(String path) {
    return call("POST", path);
  }

  public Call put(String path) {
    return call("PUT", path);
  }

  public Call delete(String path) {
    return call("DELETE", path);
  }

  /** A request of any method; nothing is sent before {@link Call#send()}. */
  public Call call(String method, String path) {
    return new Call(method, path);
  }

  /** One request being put together. */
  public final class Call {

    private final String method;
    private final String path;
    private final List<String[]> headers = new ArrayList<>(defaultHeaders);
    private String body;
    private byte[] binary;
    private String caller = "anonymous";
    private String offContract;

    private Call(String method, String path) {
      this.method = method;
      this.path = path;
    }

    /** A JSON body ({@code Content-Type: application/json}); {@code null} sends none. */
    public Call json(String json) {
      return body(json, "application/json");
    }

    /** A body of the given content type; {@code null} sends none. */
    public Call body(String content, String contentType) {
      this.body = content;
      this.binary = null;
      headers.removeIf(h -> h[0].equalsIgnoreCase("Content-Type"));
      if (content != null) {
        headers.add(new String[] {"Content-Type", contentType});
      }
      return this;
    }

    /**
     * A body of bytes (a multipart upload, say) of the given content type; the contract check sees
     * it as ISO-8859-1 text.
     */
    public Call bytes(byte[] content, String contentType) {
      body(null, contentType);
      this.binary = content.clone();
      headers.add(new String[] {"Content-Type", contentType});
      return this;
    }

    /**
     * Signs in as this demo account (HTTP Basic, password {@code demo}); {@code null} stays
     * anonymous.
     */
    public Call as(String user) {
      return user == null ? this : basic(user, DEMO_PASSWORD);
    }

    /** Signs in with HTTP Basic. */
    public Call basic(String user, String password) {
      caller = user;
      return authorization(
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Signs in with a bearer token; {@code null} stays anonymous. */
    public Call bearer(String token) {
      if (token == null) {
        return this;
      }
      caller = "bearer token";
      return authorization("Bearer " + token);
    }

    private Call authorization(String value) {
      headers.removeIf(h -> h[0].equalsIgnoreCase("Authorization"));
      headers.add(new String[] {"Authorization", value});
      return this;
    }

    /**
     * An extra header, e.g. {@code Idempotency-Key} or {@code Accept-Language}; replaces a value
     * given before (also one of {@link #withHeader}).
     */
    public Call header(String name, String value) {
      headers.removeIf(h -> h[0].equalsIgnoreCase(name));
      headers.add(new String[] {name, value});
      return this;
    }

    /** Sends the request and answers the response, whatever its status. */
    public Response send() {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(TIMEOUT)
              .method(
                  method,
                  binary != null
                      ? HttpRequest.BodyPublishers.ofByteArray(binary)
                      : body == null
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofString(body));
      for (String[] header : headers) {
        request.header(header[0], header[1]);
      }
      HttpResponse<String> response;
      try {
        response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(method + " " + path + " as " + caller, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted: " + method + " " + path, e);
      }
      Response answer =
          new Response(
              method + " " + path + " as " + caller,
              response.statusCode(),
              response.headers(),
              response.body());
      keepsToTheContract(answer);
      return answer;
    }

    /**
     * Says that this call deliberately goes to something that is no operation of the API (an
     * unknown path, a method the path does not have), so that the contract check skips it; a call
     * of an operation said to be off the contract fails the check. Paths outside {@code /api/} need
     * no such word: they are never checked.
     */
    public Call offContract(String why) {
      if (why == null || why.isBlank()) {
        throw new IllegalArgumentException("say why the call is off the contract");
      }
      this.offContract = why;
      return this;
    }

    private void keepsToTheContract(Response answer) {
      Map<String, List<String>> sent = new LinkedHashMap<>();
      for (String[] header : headers) {
        sent.computeIfAbsent(header[0], name -> new ArrayList<>()).add(header[1]);
      }
      TestClient.keepsToTheContract(
          base,
          method,
          path,
          sent,
          binary != null ? new String(binary, StandardCharsets.ISO_8859_1) : body,
          offContract,
          answer);
    }

    /**
     * Sends the request, asserts the status (the failure names method, path and caller) and answers
     * the parsed JSON body ({@link MissingNode} when there is none).
     */
    /**
     * Sends the request and answers the body as bytes (a document), with the answer as text
     * (ISO-8859-1) for its status, headers and contract check.
     */
    public Download download() {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(TIMEOUT)
              .method(method, HttpRequest.BodyPublishers.noBody());
      for (String[] header : headers) {
        request.header(header[0], header[1]);
      }
      HttpResponse<byte[]> response;
      try {
        response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        throw new UncheckedIOException(method + " " + path + " as " + caller, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted: " + method + " " + path, e);
      }
      Response answer =
          new Response(
              method + " " + path + " as " + caller,
              response.statusCode(),
              response.headers(),
              new String(response.body(), StandardCharsets.ISO_8859_1));
      keepsToTheContract(answer);
      return new Download(answer, response.body());
    }

    public JsonNode expect(int status) {
      return send().expect(status).json();
    }
  }

  /**
   * Checks an exchange that a test made with an HTTP client of its own against the engine's OpenAPI
   * description, as every call of this client is checked; fails with an {@link AssertionError}
   * listing the violations.
   */
  public static void checkContract(HttpResponse<String> exchange) {
    checkContract(exchange, Map.of());
  }

  /**
   * As {@link #checkContract(HttpResponse)}, with the headers that the other client added by itself
   * and its request does not show (the {@code Cookie} of a {@link java.net.CookieHandler}, taken
   * before the request was sent).
   */
  public static void checkContract(
      HttpResponse<String> exchange, Map<String, List<String>> addedByTheClient) {
    HttpRequest request = exchange.request();
    Map<String, List<String>> sent = new LinkedHashMap<>(request.headers().map());
    sent.putAll(addedByTheClient);
    URI uri = request.uri();
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    keepsToTheContract(
        uri.getScheme() + "://" + uri.getRawAuthority(),
        request.method(),
        target,
        sent,
        bodyOf(request),
        null,
        new Response(
            request.method() + " " + target,
            exchange.statusCode(),
            exchange.headers(),
            exchange.body()));
  }

  /**
   * Checks an exchange that a test wrote to the socket itself as bytes ({@code rawRequest}, an
   * HTTP/1.x request, perhaps one no client would send) and the answer it read ({@code head}: the
   * status line and headers), as every call of this client is checked. A request that is not
   * HTTP/1.x is no exchange the description speaks of and is not checked.
   */
  public static void checkContract(
      int port, String rawRequest, int status, String head, String body) {
    String[] requestLine = rawRequest.lines().findFirst().orElse("").split(" ");
    if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
      return;
    }
    int end = rawRequest.indexOf("\r\n\r\n");
    String requestBody = end < 0 ? "" : rawRequest.substring(end + 4);
    keepsToTheContract(
        "http://127.0.0.1:" + port,
        requestLine[0],
        requestLine[1],
        headersOf(end < 0 ? rawRequest : rawRequest.substring(0, end)),
        requestBody.isEmpty() ? null : requestBody,
        null,
        new Response(
            requestLine[0] + " " + requestLine[1] + " (as bytes)",
            status,
            HttpHeaders.of(headersOf(head), (name, value) -> true),
            body));
  }

  /**
   * The header lines of a message's head (after its first line); lines without a colon left out.
   */
  private static Map<String, List<String>> headersOf(String head) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    head.lines()
        .skip(1)
        .filter(line -> line.indexOf(':') > 0)
        .forEach(
            line ->
                headers
                    .computeIfAbsent(
                        line.substring(0, line.indexOf(':')).strip(), n -> new ArrayList<>())
                    .add(line.substring(line.indexOf(':') + 1).strip()));
    return headers;
  }

  /** The body a request sent, read again from its publisher; {@code null} if it had none. */
  private static String bodyOf(HttpRequest request) {
    HttpRequest.BodyPublisher publisher = request.bodyPublisher().orElse(null);
    if (publisher == null || publisher.contentLength() == 0) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CompletableFuture<Void> read = new CompletableFuture<>();
    publisher.subscribe(
        new Flow.Subscriber<ByteBuffer>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(ByteBuffer item) {
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            bytes.write(chunk, 0, chunk.length);
          }

          @Override
          public void onError(Throwable failure) {
            read.completeExceptionally(failure);
          }

          @Override
          public void onComplete() {
            read.complete(null);
          }
        });
    try {
      read.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the request's body cannot be read again", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void keepsToTheContract(
      String base,
      String method,
      String target,
      Map<String, List<String>> sent,
      String body,
      String offContract,
      Response answer) {
    List<String> violations =
        ContractCheck.check(
            base,
            HTTP,
            new ContractCheck.Exchange(
                method, target, sent, body, answer.status(), answer.headers().map(), answer.body()),
            offContract);
    if (!violations.isEmpty()) {
      String shown =
          answer.body().length() > 2_000 ? answer.body().substring(0, 2_000) + "…" : answer.body();
      throw new AssertionError(
          answer.request()
              + " answered "
              + answer.status()
              + " outside the OpenAPI description:\n  "
              + String.join("\n  ", violations)
              + "\n  answer: "
              + shown);
    }
  }

  /** An answer whose body is bytes: the answer (body as ISO-8859-1 text) and the bytes. */
  public record Download(Response response, byte[] bytes) {}

  /**
   * An answer of the engine.
   *
   * @param request method, path and caller, for failure messages
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the body as text (empty if there is none)
   */
  public record Response(String request, int status, HttpHeaders headers, String body) {

    /** Asserts the status; the failure names the request and shows the body. */
    public Response expect(int expected) {
      assertThat(status).as("%s answered %s", request, body).isEqualTo(expected);
      return this;
    }

    /** The body parsed as JSON; {@link MissingNode} when the body is empty. */
    public JsonNode json() {
      if (body.isEmpty()) {
        return MissingNode.getInstance();
      }
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(request + " answered no JSON: " + body, e);
      }
    }

    /** The first value of a response header. */
    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    /** Whether the answer is {@code application/problem+json}. */
    public boolean isProblem() {
      return header("Content-Type")
          .map(t -> t.startsWith("application/problem+json"))
          .orElse(false);
    }
  }
}
