package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The OpenAPI description lists exactly the API's operations (what the controllers map, nothing
 * that would answer 404 or 405), and says of each whether it needs a sign-in exactly as the access
 * rules decide ({@link AccessRules}): {@code security: []} for what anyone may call, the global
 * requirement for the rest. Whether the answers keep to the description is checked on every call of
 * every integration test ({@code ContractCheck}, through {@link TestClient}).
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDescriptionIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private JsonNode description;

  @BeforeEach
  void description() throws IOException {
    String text = new TestClient(port).get("/v3/api-docs").send().expect(200).body();
    // for whoever wants to read it (and for a validating proxy): the description as the engine
    // publishes it
    Files.writeString(Path.of("target", "openapi.json"), text);
    description = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
  }

  /** Each operation of the description, "METHOD /path", with the operation itself. */
  private Map<String, JsonNode> documented() {
    Map<String, JsonNode> operations = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = description.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
          methods.hasNext(); ) {
        Map.Entry<String, JsonNode> method = methods.next();
        operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
      }
    }
    return operations;
  }

  /**
   * Open311 helper: GeoReport v2 ({@code /open311/}) is another protocol with its own description
   * (the standard's Swagger description and schemas, test resources {@code open311/}): not part of
   * this one, whose operations answer JSON and problem details.
   */
  @Test
  void leavesOpen311ToTheStandardsOwnDescription() {
    assertThat(documented().keySet()).noneMatch(operation -> operation.contains(" /open311/"));
  }

  @Test
  void isOpenApi30() {
    // the version validating proxies and the integration tests' contract check read
    assertThat(description.path("openapi").asText()).startsWith("3.0.");
  }

  @Test
  void listsExactlyTheOperationsTheControllersMap() {
    Set<String> mapped = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
        mappings.getHandlerMethods().entrySet()) {
      if (!mapping.getValue().getBeanType().getPackageName().startsWith("de.rathaus.api")) {
        continue; // springdoc's own (/v3/api-docs), Spring Boot's
      }
      Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
      for (String pattern : mapping.getKey().getPatternValues()) {
        if (!pattern.startsWith("/api/") && !pattern.startsWith("/.well-known/")) {
          continue; // the error page (/error) is no resource of the API; the log's key is
        }
        assertThat(methods).as("%s maps every method", pattern).isNotEmpty();
        methods.forEach(method -> mapped.add(method + " " + pattern));
      }
    }
    assertThat(mapped).as("the controllers' operations").isNotEmpty();
    assertThat(documented().keySet()).as("the documented operations").isEqualTo(mapped);
  }

  /**
   * What the access rules decide for a call of this method and path: the first rule that matches
   * decides, as in {@link AccessRules#apply}; {@code true} if it opens the call to everyone.
   */
  private static boolean openToEveryone(String method, String path) {
    // a path of the description with its variables filled in, as a call would send it
    PathContainer call = PathContainer.parsePath(path.replaceAll("\\{[^}]+}", "x"));
    for (AccessRules.Rule rule : AccessRules.TABLE) {
      if (rule.method() != null && !rule.method().equals(HttpMethod.valueOf(method))) {
        continue;
      }
      boolean matches =
          rule.paths().stream()
              .anyMatch(pattern -> PathPatternParser.defaultInstance.parse(pattern).matches(call));
      if (matches) {
        return rule.role() == null;
      }
    }
    return false; // what no rule lists is refused to everyone
  }

  @Test
  void saysOfEachOperationWhetherItNeedsSignInAsTheAccessRulesDecide() {
    JsonNode global = description.path("security");
    assertThat(global.isArray() && !global.isEmpty())
        .as("a sign-in is required unless an operation says otherwise")
        .isTrue();
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, JsonNode> operation : documented().entrySet()) {
      String[] methodAndPath = operation.getKey().split(" ", 2);
      boolean open = openToEveryone(methodAndPath[0], methodAndPath[1]);
      JsonNode security = operation.getValue().get("security");
      if (open && !(security != null && security.isArray() && security.isEmpty())) {
        wrong.add(
            operation.getKey() + " is open to everyone, but not documented with security: []");
      } else if (!open && security != null) {
        wrong.add(
            operation.getKey()
                + " needs a sign-in, but is documented with its own security "
                + security
                + " instead of the global requirement");
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(documented().keySet())
        .as("some operations are public, some are not")
        .anyMatch(o -> openToEveryone(o.split(" ")[0], o.split(" ")[1]))
        .anyMatch(o -> !openToEveryone(o.split(" ")[0], o.split(" ")[1]));
  }

  @Test
  void wrongCredentialsOnAPublicOperationAreADocumentedRefusal() {
    // checked against the description like every call: the 401 must be documented even where no
    // sign-in is needed
    new TestClient(port).get("/api/v1/services").basic("anna", "wrong").send().expect(401);
  }

  @Test
  void anAnswerInAFormTheCallerDoesNotTakeIsADocumented406() {
    TestClient.Response refused =
        new TestClient(port)
            .get("/api/v1/services")
            .header("Accept", "application/xml")
            .send()
            .expect(406);
    assertThat(refused.isProblem()).as("the 406 is a problem: %s", refused.headers()).isTrue();
  }

  @Test
  void aRequestTheContainerCannotReadIsADocumented400AlsoWhereAnOperationTakesNothing()
      throws IOException {
    // GET /api/v1/privacy/me has no parameters and no body; a header without a colon is refused
    // by Tomcat before any operation
    String request =
        "GET /api/v1/privacy/me HTTP/1.1\r\nHost: localhost\r\nBroken header\r\n"
            + "Connection: close\r\n\r\n";
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int end = answer.indexOf("\r\n\r\n");
      assertThat(end).as(answer).isPositive();
      int status = Integer.parseInt(answer.substring(9, 12));
      assertThat(status).isEqualTo(400);
      String body = answer.substring(end + 4);
      TestClient.checkContract(port, request, status, answer.substring(0, end), body);
    }
  }
}
