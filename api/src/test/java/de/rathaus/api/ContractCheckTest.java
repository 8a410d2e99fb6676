package de.rathaus.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.api.ContractCheck.Exchange;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract check finds what breaks a description, and passes what keeps to it: checked against
 * a small description written by hand, so that the check cannot pass by checking nothing.
 */
class ContractCheckTest {

  private static final String DESCRIPTION =
      """
      openapi: 3.0.1
      info: {title: test, version: v1}
      security: [{basic: []}]
      paths:
        /api/v1/things:
          get:
            security: []
            parameters:
              - {name: size, in: query, schema: {type: integer}}
            responses:
              "200":
                description: OK
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Page"}
              "400": {$ref: "#/components/responses/Problem"}
          post:
            requestBody:
              required: true
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Thing"}
            responses:
              "201":
                description: Created
                headers:
                  Location: {schema: {type: string}}
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Thing"}
              "200":
                description: replayed, without its header documented
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Thing"}
              "400": {$ref: "#/components/responses/Problem"}
              "401": {$ref: "#/components/responses/Problem"}
      components:
        securitySchemes:
          basic: {type: http, scheme: basic}
        responses:
          Problem:
            description: a problem
            content:
              application/problem+json:
                schema: {$ref: "#/components/schemas/Problem"}
        schemas:
          Thing:
            type: object
            required: [name]
            properties:
              name: {type: string, minLength: 1}
              status: {type: string, enum: [NEW, OLD]}
          Page:
            type: object
            required: [items]
            properties:
              items: {type: array, items: {$ref: "#/components/schemas/Thing"}}
              next: {type: string, nullable: true}
          Problem:
            type: object
            properties:
              title: {type: string}
              status: {type: integer}
      """;

  private static final ContractCheck CHECK = ContractCheck.of(DESCRIPTION);

  private static final String ADA =
      "Basic " + Base64.getEncoder().encodeToString("ada:demo".getBytes());

  private static Exchange exchange(
      String method,
      String target,
      String authorization,
      String requestBody,
      int status,
      String contentType,
      String responseBody,
      String... responseHeaders) {
    Map<String, List<String>> sent = new LinkedHashMap<>();
    if (authorization != null) {
      sent.put("Authorization", List.of(authorization));
    }
    if (requestBody != null) {
      sent.put("Content-Type", List.of("application/json"));
    }
    Map<String, List<String>> answered = new LinkedHashMap<>();
    if (contentType != null) {
      answered.put("Content-Type", List.of(contentType));
    }
    for (int i = 0; i < responseHeaders.length; i += 2) {
      answered.put(responseHeaders[i], List.of(responseHeaders[i + 1]));
    }
    return new Exchange(method, target, sent, requestBody, status, answered, responseBody);
  }

  private static List<String> violations(Exchange exchange) {
    return CHECK.violations(exchange, null);
  }

  private static final String PAGE =
      "{\"items\": [{\"name\": \"a\", \"status\": \"NEW\"}], \"next\": null}";
  private static final String PROBLEM = "{\"title\": \"Bad Request\", \"status\": 400}";

  @Test
  void anAnswerAsDocumentedPasses() {
    assertThat(
            violations(
                exchange(
                    "GET", "/api/v1/things?size=5", null, null, 200, "application/json", PAGE)))
        .isEmpty();
    assertThat(
            violations(
                exchange(
                    "GET",
                    "/api/v1/things?size=x",
                    null,
                    null,
                    400,
                    "application/problem+json",
                    PROBLEM)))
        .isEmpty();
  }

  @Test
  void anUndocumentedStatusIsAViolation() {
    assertThat(
            violations(
                exchange(
                    "GET", "/api/v1/things", null, null, 404, "application/problem+json", PROBLEM)))
        .singleElement()
        .asString()
        .contains("GET /api/v1/things → 404")
        .contains("validation.response.status.unknown");
  }

  @Test
  void aBodyThatBreaksItsSchemaIsAViolation() {
    String wrongType = "{\"items\": [{\"name\": 7}], \"next\": null}";
    assertThat(
            violations(
                exchange("GET", "/api/v1/things", null, null, 200, "application/json", wrongType)))
        .anySatisfy(v -> assertThat(v).contains("validation.response.body.schema.type"));
    String notAnEnumValue =
        "{\"items\": [{\"name\": \"a\", \"status\": \"LOST\"}], \"next\": null}";
    assertThat(
            violations(
                exchange(
                    "GET", "/api/v1/things", null, null, 200, "application/json", notAnEnumValue)))
        .anySatisfy(v -> assertThat(v).contains("validation.response.body.schema.enum"));
    String missingRequired = "{\"next\": null}";
    assertThat(
            violations(
                exchange(
                    "GET", "/api/v1/things", null, null, 200, "application/json", missingRequired)))
        .anySatisfy(v -> assertThat(v).contains("validation.response.body.schema.required"));
  }

  @Test
  void aFieldTheSchemaDoesNotListIsAViolation() {
    String extra = "{\"items\": [], \"next\": null, \"total\": 1}";
    assertThat(
            violations(
                exchange("GET", "/api/v1/things", null, null, 200, "application/json", extra)))
        .anySatisfy(v -> assertThat(v).contains("additionalProperties").contains("total"));
  }

  @Test
  void aProblemMustBeProblemJson() {
    assertThat(
            violations(
                exchange(
                    "GET", "/api/v1/things?size=x", null, null, 400, "application/json", PROBLEM)))
        .anySatisfy(v -> assertThat(v).contains("validation.response.contentType.notAllowed"));
  }

  @Test
  void aHeaderOfTheApiMustBeDocumentedForItsStatus() {
    String thing = "{\"name\": \"a\"}";
    assertThat(
            violations(
                exchange(
                    "POST",
                    "/api/v1/things",
                    ADA,
                    thing,
                    201,
                    "application/json",
                    thing,
                    "Location",
                    "/api/v1/things/a")))
        .isEmpty();
    assertThat(
            violations(
                exchange(
                    "POST",
                    "/api/v1/things",
                    ADA,
                    thing,
                    200,
                    "application/json",
                    thing,
                    "Location",
                    "/api/v1/things/a")))
        .singleElement()
        .asString()
        .contains("POST /api/v1/things → 200")
        .contains("'Location'");
  }

  @Test
  void anAcceptedRequestMustConform() {
    String thing = "{\"name\": \"a\"}";
    String nameless = "{\"status\": \"NEW\"}";
    assertThat(
            violations(
                exchange(
                    "POST",
                    "/api/v1/things",
                    ADA,
                    nameless,
                    201,
                    "application/json",
                    thing,
                    "Location",
                    "/api/v1/things/a")))
        .anySatisfy(v -> assertThat(v).contains("validation.request.body.schema.required"));
    // refused, the same request is what the test meant to send: only the answer is checked
    assertThat(
            violations(
                exchange(
                    "POST",
                    "/api/v1/things",
                    ADA,
                    nameless,
                    400,
                    "application/problem+json",
                    PROBLEM)))
        .isEmpty();
    assertThat(
            violations(
                exchange(
                    "GET",
                    "/api/v1/things?size=1&sort=x",
                    null,
                    null,
                    200,
                    "application/json",
                    PAGE)))
        .anySatisfy(v -> assertThat(v).contains("validation.request.parameter.query.unexpected"));
  }

  @Test
  void aRequestMayCarryAFieldItsSchemaDoesNotList() {
    // OpenAPI allows it where a schema does not say additionalProperties: false; the engine
    // ignores it
    String thing = "{\"name\": \"a\", \"colour\": \"blue\"}";
    assertThat(
            violations(
                exchange(
                    "POST",
                    "/api/v1/things",
                    ADA,
                    thing,
                    201,
                    "application/json",
                    "{\"name\": \"a\"}",
                    "Location",
                    "/api/v1/things/a")))
        .isEmpty();
  }

  @Test
  void anOperationThatNeedsSignInMustNotSucceedWithout() {
    String thing = "{\"name\": \"a\"}";
    assertThat(
            violations(
                exchange(
                    "POST",
                    "/api/v1/things",
                    null,
                    thing,
                    201,
                    "application/json",
                    thing,
                    "Location",
                    "/api/v1/things/a")))
        .anySatisfy(v -> assertThat(v).contains("validation.request.security.missing"));
  }

  @Test
  void whatIsNoOperationIsAViolationUnlessTheTestSaysSo() {
    Exchange nothing =
        exchange("GET", "/api/v1/nothing", null, null, 404, "application/problem+json", PROBLEM);
    assertThat(violations(nothing)).singleElement().asString().contains("no operation");
    assertThat(CHECK.violations(nothing, "an unknown path")).isEmpty();
    Exchange wrongMethod =
        exchange("DELETE", "/api/v1/things", ADA, null, 405, "application/problem+json", PROBLEM);
    assertThat(violations(wrongMethod)).singleElement().asString().contains("no operation");
    assertThat(CHECK.violations(wrongMethod, "a method the path does not have")).isEmpty();

    Exchange operation =
        exchange("GET", "/api/v1/things", null, null, 200, "application/json", PAGE);
    assertThat(CHECK.violations(operation, "not really"))
        .singleElement()
        .asString()
        .contains("is an operation");
  }

  @Test
  void anOpenApi31DescriptionIsRefusedAsTheValidatorWouldPassItsSchemasUnread() {
    assertThatThrownBy(() -> ContractCheck.of(DESCRIPTION.replace("3.0.1", "3.1.0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3.1.0");
  }

  @Test
  void pathsOutsideTheApiAreNotChecked() {
    assertThat(violations(exchange("GET", "/actuator/health", null, null, 200, "text/plain", "up")))
        .isEmpty();
    assertThat(violations(exchange("GET", "/login", null, null, 418, null, ""))).isEmpty();
  }
}
