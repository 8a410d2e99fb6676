package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.api.TestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the portal's tests need one without chromium: cookies kept, redirects not
 * followed, the demo login form used as a person does, and the CSRF token taken from the page's
 * forms.
 */
public final class PortalSession {

  private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern FORM_ID = Pattern.compile("name=\"formular\" value=\"([^\"]+)\"");

  private final int port;
  private final HttpClient http;

  PortalSession(int port) {
    this.port = port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** A session signed in through the demo login form ({@code null}: anonymous). */
  static PortalSession of(int port, String account) {
    PortalSession session = new PortalSession(port);
    if (account != null) {
      session.signIn(account);
    }
    return session;
  }

  void signIn(String account) {
    HttpResponse<String> form = get("/login");
    assertThat(form.statusCode()).isEqualTo(200);
    HttpResponse<String> signedIn =
        send(
            "POST",
            "/login",
            Map.of(
                "username",
                account,
                "password",
                TestClient.DEMO_PASSWORD,
                "_csrf",
                token(form.body())));
    assertThat(signedIn.statusCode()).as("signing in " + account).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
  }

  public HttpResponse<String> get(String path) {
    return send("GET", path, (List<Map.Entry<String, String>>) null);
  }

  /** Sends a form (with the fields given; add {@code _csrf} yourself, or leave it out). */
  HttpResponse<String> send(String method, String path, Map<String, String> fields) {
    return send(method, path, fields == null ? null : List.copyOf(fields.entrySet()));
  }

  HttpResponse<String> send(String method, String path, List<Map.Entry<String, String>> fields) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : at(path)))
            .timeout(Duration.ofSeconds(30));
    if (fields == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      String body =
          fields.stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      request
          .header("Content-Type", "application/x-www-form-urlencoded")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends a form as {@code multipart/form-data}, as a browser sends a file field: the text fields
   * given, then the file in part {@code fileField} (left out when {@code content} is null).
   */
  HttpResponse<String> sendMultipart(
      String path,
      List<Map.Entry<String, String>> fields,
      String fileField,
      String fileName,
      byte[] content) {
    String boundary = "----rathaus" + java.util.UUID.randomUUID().toString().replace("-", "");
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    java.util.function.Consumer<String> text =
        t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, String> field : fields) {
      text.accept("--" + boundary + "\r\n");
      text.accept("Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n");
      text.accept(field.getValue() + "\r\n");
    }
    if (content != null) {
      text.accept("--" + boundary + "\r\n");
      text.accept(
          "Content-Disposition: form-data; name=\""
              + fileField
              + "\"; filename=\""
              + fileName.replace("\"", "%22")
              + "\"\r\n");
      text.accept("Content-Type: application/octet-stream\r\n\r\n");
      body.writeBytes(content);
      text.accept("\r\n");
    }
    text.accept("--" + boundary + "--\r\n");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(at(path)))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code body} as it is, with the content type given (a client that breaks the rules). */
  HttpResponse<String> sendRaw(String method, String path, String contentType, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(at(path)))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The bytes at {@code path} (a download). */
  HttpResponse<byte[]> bytes(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(at(path))).timeout(Duration.ofSeconds(30)).GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String at(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** The CSRF token of the first form on the page. */
  static String token(String page) {
    Matcher found = TOKEN.matcher(page);
    assertThat(found.find()).as("a CSRF token on the page").isTrue();
    return found.group(1);
  }

  /** The request form's own id (a repeat of it is the same request). */
  static String formId(String page) {
    Matcher found = FORM_ID.matcher(page);
    assertThat(found.find()).as("the form's id on the page").isTrue();
    return found.group(1);
  }
}
