package de.rathaus.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Level;
import com.atlassian.oai.validator.report.ValidationReport.Message;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether an exchange with the engine keeps to the OpenAPI description the engine publishes at
 * {@value #DESCRIPTION}: the answer's status is documented for the operation, and so are its media
 * type (a problem is {@code application/problem+json}), its body's schema and the headers the API
 * sets on purpose ({@link #API_HEADERS}); a request the engine accepted (2xx) conforms too (body,
 * parameters, sign-in). The validator is Atlassian's swagger-request-validator, strict: a field an
 * answer carries that its schema does not list is a violation, and so is an undocumented query
 * parameter of an accepted request (a field of a request that its schema does not list is not:
 * OpenAPI allows it, and the engine ignores it).
 *
 * <p>Only paths under {@code /api/} are checked: the rest (the login form, the actuator, the
 * description itself) is no part of the API. Under {@code /api/}, a call of something that is no
 * operation at all (an unknown path, a method the path does not have) is a violation too, unless
 * the test says that it means to make such a call ({@code offContract}); a call said to be off the
 * contract that is an operation is a violation as well, so that the exception stays narrow.
 *
 * <p>{@link #forEngine} builds one check per engine (by its base URL) from the engine's own
 * description and keeps it; {@link #of} builds one from a given description.
 */
public final class ContractCheck {

  static final String DESCRIPTION = "/v3/api-docs";

  /** Headers the API sets on purpose: an answer that carries one documents it for its status. */
  static final List<String> API_HEADERS = List.of("Location", "Retry-After", "Idempotent-Replayed");

  /** The validator's keys for a call of no operation of the description. */
  private static final Set<String> NO_OPERATION =
      Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

  private static final String UNDOCUMENTED_HEADER = "rathaus.response.header.undocumented";

  private static final Map<String, ContractCheck> ENGINES = new ConcurrentHashMap<>();

  private final String description;
  private final OpenApiInteractionValidator validator;

  private ContractCheck(String description) {
    this.description = description;
    this.validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(
                withSecurityInherited(description))
            .withLevelResolver(
                LevelResolver.create()
                    // every rule an error, also the one the library leaves off by default: a
                    // query parameter the description does not know
                    .withDefaultLevel(Level.ERROR)
                    // a field of a request body that its schema does not list: OpenAPI allows it
                    // (no schema says additionalProperties: false) and the engine ignores it, but
                    // the validator reads every schema as closed. Answers stay strict: every
                    // field the engine writes is documented.
                    .withLevel("validation.request.body.schema.additionalProperties", Level.IGNORE)
                    .build())
            .withCustomResponseValidation(ContractCheck::apiHeadersDocumented)
            .build();
  }

  /**
   * The description with the top-level {@code security} written into each operation that does not
   * state its own: OpenAPI says such an operation needs the top-level requirement, but the
   * validator reads only an operation's own {@code security} and would find every request fine.
   * Refuses OpenAPI 3.1, whose schemas the validator does not read (they would all pass).
   */
  static String withSecurityInherited(String description) {
    try {
      JsonNode tree = YAML.readTree(description);
      String version = tree.path("openapi").asText();
      if (!version.startsWith("3.0.")) {
        throw new IllegalArgumentException(
            "the validator checks OpenAPI 3.0 descriptions only, this is " + version);
      }
      JsonNode security = tree.path("security");
      if (security.isArray()) {
        for (JsonNode path : tree.path("paths")) {
          for (String method : METHODS) {
            if (path.get(method) instanceof ObjectNode operation && !operation.has("security")) {
              operation.set("security", security.deepCopy());
            }
          }
        }
      }
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("no OpenAPI description", e);
    }
  }

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A check against this description (OpenAPI 3.0, JSON or YAML). */
  public static ContractCheck of(String description) {
    return new ContractCheck(description);
  }

  /**
   * Checks an exchange with the engine at {@code base} against the engine's own description,
   * fetched at the first exchange and kept. Should the check find violations, the description is
   * fetched again: a different one means that another engine has the address now (a port used
   * again), and the exchange is checked against that one.
   */
  static List<String> check(String base, HttpClient http, Exchange exchange, String offContract) {
    if (!applies(exchange.target())) {
      return List.of();
    }
    ContractCheck check = ENGINES.computeIfAbsent(base, engine -> of(fetch(http, engine)));
    List<String> violations = check.violations(exchange, offContract);
    if (!violations.isEmpty()) {
      String now = fetch(http, base);
      if (!now.equals(check.description)) {
        check = of(now);
        ENGINES.put(base, check);
        violations = check.violations(exchange, offContract);
      }
    }
    return violations;
  }

  /** Whether the path of {@code target} belongs to the API (the rest is not checked). */
  static boolean applies(String target) {
    return pathOf(target).startsWith("/api/");
  }

  private static String fetch(HttpClient http, String base) {
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(base + DESCRIPTION))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(
            base + DESCRIPTION + " answered " + answer.statusCode() + ": no contract to check");
      }
      return answer.body();
    } catch (IOException e) {
      throw new UncheckedIOException(base + DESCRIPTION, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted: " + base + DESCRIPTION, e);
    }
  }

  /**
   * One request and its answer as they went over the wire.
   *
   * @param target the path with its query, as sent (escaped)
   * @param requestBody {@code null} for none
   */
  public record Exchange(
      String method,
      String target,
      Map<String, List<String>> requestHeaders,
      String requestBody,
      int status,
      Map<String, List<String>> responseHeaders,
      String responseBody) {}

  /**
   * What of this exchange breaks the description, one line per violation naming the operation, the
   * status and the validator's message; empty if nothing does (or the path is outside the API).
   *
   * @param offContract why the test calls something that is no operation of the description, or
   *     {@code null} if it calls an operation
   */
  public List<String> violations(Exchange exchange, String offContract) {
    String path = pathOf(exchange.target());
    if (!applies(path)) {
      return List.of();
    }
    Request request = request(exchange, path);
    String call = exchange.method() + " " + path + " → " + exchange.status();
    // the answer first: it finds the operation too, and reads nothing of the request (whose path
    // may not even decode, in a call the container refused)
    ValidationReport responseReport =
        validator.validateResponse(path, request.getMethod(), response(exchange));
    List<Message> noOperation =
        responseReport.getMessages().stream()
            .filter(m -> NO_OPERATION.contains(m.getKey()))
            .toList();
    if (!noOperation.isEmpty()) {
      if (offContract != null) {
        return List.of();
      }
      return List.of(
          call
              + ": no operation of the description ("
              + noOperation.get(0).getMessage()
              + "); a test that means to call what is none says why with offContract(...)");
    }
    if (offContract != null) {
      return List.of(
          call
              + ": said to be off the contract ("
              + offContract
              + "), but it is an operation of the description, so it is checked");
    }
    List<Message> errors = new ArrayList<>(responseReport.getMessages());
    if (exchange.status() >= 200 && exchange.status() < 300) {
      errors.addAll(validator.validateRequest(request).getMessages());
    }
    return errors.stream()
        .filter(m -> m.getLevel() == Level.ERROR)
        .map(m -> describe(exchange, path, m))
        .toList();
  }

  private static String describe(Exchange exchange, String path, Message message) {
    String operation =
        message
            .getContext()
            .flatMap(ValidationReport.MessageContext::getApiOperation)
            .map(o -> o.getMethod() + " " + o.getApiPath().original())
            .orElse(exchange.method() + " " + path);
    StringBuilder line =
        new StringBuilder(operation)
            .append(" → ")
            .append(exchange.status())
            .append(": [")
            .append(message.getKey())
            .append("] ")
            .append(message.getMessage());
    for (String info : message.getAdditionalInfo()) {
      line.append(" — ").append(info);
    }
    for (Message nested : message.getNestedMessages()) {
      line.append(" — ").append(nested.getMessage());
    }
    return line.toString();
  }

  /** An answer carrying a header of {@link #API_HEADERS} that its status does not document. */
  private static ValidationReport apiHeadersDocumented(
      com.atlassian.oai.validator.model.Response response, ApiOperation operation) {
    ApiResponse documented =
        operation.getOperation().getResponses() == null
            ? null
            : operation.getOperation().getResponses().get(String.valueOf(response.getStatus()));
    if (documented == null) {
      return ValidationReport.empty(); // the status itself is undocumented: the validator says so
    }
    Map<String, Header> headers =
        documented.getHeaders() == null ? Map.of() : documented.getHeaders();
    List<Message> undocumented = new ArrayList<>();
    for (String header : API_HEADERS) {
      boolean listed = headers.keySet().stream().anyMatch(header::equalsIgnoreCase);
      if (!listed && response.getHeaderValue(header).isPresent()) {
        undocumented.add(
            Message.create(
                    UNDOCUMENTED_HEADER,
                    "Header '"
                        + header
                        + "' is answered but not documented for status "
                        + response.getStatus())
                .build());
      }
    }
    return ValidationReport.from(undocumented);
  }

  private static String pathOf(String target) {
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }

  private static Request request(Exchange exchange, String path) {
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(exchange.method().toUpperCase(Locale.ROOT), path);
    exchange.requestHeaders().forEach(request::withHeader);
    if (exchange.requestBody() != null) {
      request.withBody(exchange.requestBody());
    }
    int query = exchange.target().indexOf('?');
    if (query >= 0) {
      Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
      for (String pair : exchange.target().substring(query + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
      parameters.forEach(request::withQueryParam);
    }
    return request.build();
  }

  private static com.atlassian.oai.validator.model.Response response(Exchange exchange) {
    SimpleResponse.Builder response = new SimpleResponse.Builder(exchange.status());
    exchange.responseHeaders().forEach(response::withHeader);
    if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
      response.withBody(exchange.responseBody());
    }
    return response.build();
  }

  private static String decode(String escaped) {
    return URLDecoder.decode(escaped, StandardCharsets.UTF_8);
  }
}
