package de.rathaus.api.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.rathaus.application.shared.Page;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI description at {@code /v3/api-docs}: what the API is, how to sign in, and for every
 * operation every status it answers — its success with its schema, and each refusal as an {@code
 * application/problem+json} answer. Public operations say they need no sign-in.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:openapi.properties")
public class OpenApiDescription {

  static final String PROBLEM = "Problem";
  static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

  /**
   * The API and how to sign in where this engine runs: in {@link DemoMode} with a demo account over
   * HTTP Basic, or with the session of the login form; under the {@code production} profile with a
   * bearer token of the city's identity provider. What needs a sign-in accepts each of them.
   */
  @Bean
  public OpenAPI rathausOpenApi(Environment environment) {
    Components components = new Components().addSchemas(PROBLEM, problemSchema());
    OpenAPI api =
        new OpenAPI()
            .info(
                new Info()
                    .title("Rathaus API")
                    .version("v1")
                    .description(
                        "Municipal services online, case processing, citizen participation and a"
                            + " verifiable audit trail. Errors are application/problem+json (RFC"
                            + " 9457).")
                    .license(
                        new License()
                            .name("EUPL-1.2")
                            .url("https://interoperable-europe.ec.europa.eu/collection/eupl")))
            .components(components);
    if (DemoMode.of(environment) == DemoMode.ON) {
      components
          .addSecuritySchemes(
              "basic",
              new SecurityScheme()
                  .type(SecurityScheme.Type.HTTP)
                  .scheme("basic")
                  .description("a demo account (demo mode)"))
          .addSecuritySchemes(
              "session",
              new SecurityScheme()
                  .type(SecurityScheme.Type.APIKEY)
                  .in(SecurityScheme.In.COOKIE)
                  .name("JSESSIONID")
                  .description(
                      "the session of the login form at /login (demo mode); a change needs the"
                          + " value of the XSRF-TOKEN cookie in the X-XSRF-TOKEN header"));
      api.addSecurityItem(new SecurityRequirement().addList("basic"))
          .addSecurityItem(new SecurityRequirement().addList("session"));
    } else {
      components.addSecuritySchemes(
          "bearer",
          new SecurityScheme()
              .type(SecurityScheme.Type.HTTP)
              .scheme("bearer")
              .bearerFormat("JWT")
              .description("a token of the city's identity provider (OpenID Connect)"));
      api.addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
    return api;
  }

  /**
   * A map of Java {@code Object}s (a form's attributes) holds any JSON value: text, number, yes or
   * no, a list. springdoc documents each value as an object, which none of them is.
   */
  @Bean
  public OpenApiCustomizer anyValues() {
    return openApi -> {
      if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
        openApi.getComponents().getSchemas().values().forEach(OpenApiDescription::anyValues);
      }
    };
  }

  private static void anyValues(Schema<?> schema) {
    if (schema == null) {
      return;
    }
    if (schema.getAdditionalProperties() instanceof Schema<?> values) {
      if (isBareObject(values)) {
        schema.setAdditionalProperties(new Schema<>());
      } else {
        anyValues(values);
      }
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(OpenApiDescription::anyValues);
    }
    anyValues(schema.getItems());
  }

  /** What springdoc writes for {@code java.lang.Object}: an object without anything else. */
  private static boolean isBareObject(Schema<?> schema) {
    return "object".equals(schema.getType())
        && schema.get$ref() == null
        && schema.getProperties() == null
        && schema.getAdditionalProperties() == null;
  }

  /**
   * A field written also when it is null ({@code @JsonInclude(ALWAYS)}, such as a page's {@code
   * next}) is nullable; every other null field is left out of the answer (Jackson's {@code
   * non_null}).
   */
  @Bean
  public PropertyCustomizer writtenWhenNull() {
    return (property, type) -> {
      if (type.getCtxAnnotations() != null) {
        for (Annotation annotation : type.getCtxAnnotations()) {
          if (annotation instanceof JsonInclude include
              && include.value() == JsonInclude.Include.ALWAYS) {
            property.nullable(true);
          }
          if (annotation instanceof OneOf choices) {
            choices(property, choices);
          }
        }
      }
      return property;
    };
  }

  /**
   * The parameters springdoc documents without their rules: a choice ({@link OneOf}), a page's
   * {@code size} (1 to {@value Page#MAX_SIZE}) and {@code cursor}.
   */
  @Bean
  public ParameterCustomizer parameterRules() {
    return (parameter, method) -> {
      if (parameter == null || method == null) {
        return parameter;
      }
      OneOf choices = method.getParameterAnnotation(OneOf.class);
      if (choices != null) {
        choices(parameter.getSchema(), choices);
      }
      if (method.hasParameterAnnotation(RequestParam.class) && "query".equals(parameter.getIn())) {
        if ("size".equals(parameter.getName()) && parameter.getSchema() != null) {
          parameter.getSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(Page.MAX_SIZE));
          parameter.description("how many items a page holds at most");
        } else if ("cursor".equals(parameter.getName())) {
          parameter.description("where the page starts: the cursor in the previous page's next");
        }
      }
      return parameter;
    };
  }

  @SuppressWarnings("unchecked")
  private static void choices(Schema<?> property, OneOf choices) {
    if (property == null) {
      return;
    }
    List<String> names = Arrays.stream(choices.value().getEnumConstants()).map(Enum::name).toList();
    switch (choices.written()) {
      case AS_DECLARED -> ((Schema<String>) property).setEnum(names);
      case LOWER_CASE ->
          ((Schema<String>) property)
              .setEnum(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList());
      case ANY_CASE ->
          property.description(
              (property.getDescription() == null ? "" : property.getDescription() + "; ")
                  + "one of "
                  + String.join(", ", names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList())
                  + ", in any case");
    }
  }

  /** RFC 9457 problem details as the engine writes them. */
  private static Schema<?> problemSchema() {
    ObjectSchema fieldError = new ObjectSchema();
    fieldError.addProperty("field", new StringSchema());
    fieldError.addProperty("message", new StringSchema());
    ObjectSchema problem = new ObjectSchema();
    problem.description("RFC 9457 problem details");
    problem.addProperty("type", new StringSchema().format("uri"));
    problem.addProperty("title", new StringSchema());
    problem.addProperty("status", new IntegerSchema());
    problem.addProperty("detail", new StringSchema());
    problem.addProperty("instance", new StringSchema());
    problem.addProperty("code", new StringSchema().description("the rule that was broken"));
    problem.addProperty("errors", new ArraySchema().items(fieldError));
    problem.addProperty("errorId", new StringSchema().description("of a 500, for the operator"));
    // objection helper
    problem.addProperty(
        "lastDay",
        new StringSchema()
            .format("date")
            .description("of an objection refused as too late: the period's last day"));
    return problem;
  }

  /**
   * Completes what springdoc documents of an operation: every refusal it answers, its need (or not)
   * of a sign-in, the media type of its success ({@code application/json}) and the headers the API
   * answers on purpose: {@code Location} on a 201 and a 202, {@code Idempotent-Replayed} where an
   * {@code Idempotency-Key} is taken (with the key's own refusals, 409 and 422), {@code
   * Retry-After} on a change's 503 (its outcome is unknown: retry with the same key) and on a
   * read's 202 (not ready yet: a receipt before its checkpoint).
   */
  @Bean
  public OperationCustomizer refusals() {
    return (operation, handler) -> {
      TreeSet<Integer> statuses = new TreeSet<>();
      boolean hasBody = hasParameter(handler, RequestBody.class);
      boolean hasPathIds = hasParameter(handler, PathVariable.class);
      boolean idempotent = Idempotency.takenBy(handler);
      boolean signIn = operation.getSecurity() == null; // null: the global requirement applies
      boolean change = !handler.hasMethodAnnotation(GetMapping.class);
      // a request the servlet container cannot read (a broken escape in the path, a header
      // without a colon) is refused before any operation, besides what an operation's parameters
      // and body may be refused for
      statuses.add(400);
      statuses.add(401); // credentials sent but wrong are refused also where none are needed
      if (signIn) {
        statuses.add(403);
      }
      if (hasPathIds) {
        statuses.add(404);
      }
      statuses.add(406);
      if (idempotent) {
        statuses.add(409); // a repeat while the first attempt still runs
        statuses.add(422); // the key again with another body
      }
      if (hasBody) {
        statuses.add(413);
        statuses.add(415);
      }
      statuses.add(500);
      statuses.add(503);
      Refusals declared = handler.getMethodAnnotation(Refusals.class);
      if (declared != null) {
        for (int status : declared.value()) {
          statuses.add(status);
        }
      }
      ApiResponses responses = operation.getResponses();
      for (int status : statuses) {
        responses.putIfAbsent(String.valueOf(status), problem(status));
      }
      responses.forEach(
          (status, response) -> {
            if (status.startsWith("2")) {
              answersJson(response);
              if (idempotent) {
                response.addHeaderObject(REPLAYED, replayedHeader());
              }
            }
          });
      ApiResponse created = responses.get("201");
      if (created != null) {
        created.addHeaderObject(HttpHeaders.LOCATION, locationHeader());
      }
      ApiResponse accepted = responses.get("202"); // rebuild helper: where to follow it
      if (accepted != null) {
        accepted.addHeaderObject(
            HttpHeaders.LOCATION,
            new Header()
                .required(true)
                .description("where to follow what was accepted, relative to the engine")
                .schema(new StringSchema()));
        if (!change) {
          // a read that is not ready yet (a receipt before its checkpoint): when to ask again
          accepted.addHeaderObject(HttpHeaders.RETRY_AFTER, retryAfterHeader());
        }
      }
      if (change) {
        responses.get("503").addHeaderObject(HttpHeaders.RETRY_AFTER, retryAfterHeader());
      }
      ApiResponse tooMany = responses.get("429"); // a limit: when to try again
      if (tooMany != null) {
        tooMany.addHeaderObject(HttpHeaders.RETRY_AFTER, retryAfterHeader());
      }
      if (operation.getParameters() != null) {
        operation.getParameters().stream()
            .filter(p -> "header".equals(p.getIn()) && Idempotency.HEADER.equals(p.getName()))
            .forEach(OpenApiDescription::describeIdempotencyKey);
      }
      return operation;
    };
  }

  static final String REPLAYED = "Idempotent-Replayed";

  /** Jackson writes every success as JSON; springdoc documents {@code *}{@code /*} by default. */
  private static void answersJson(ApiResponse response) {
    Content content = response.getContent();
    if (content != null && content.containsKey("*/*")) {
      MediaType json = content.remove("*/*");
      content.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, json);
    }
  }

  private static Header locationHeader() {
    return new Header()
        .required(true)
        .description("the address of what was created, relative to the engine")
        .schema(new StringSchema());
  }

  private static Header replayedHeader() {
    return new Header()
        .description(
            "true when this is the first answer to the same Idempotency-Key and body, answered"
                + " again: nothing was changed by this request")
        .schema(new StringSchema()._enum(List.of("true")));
  }

  private static Header retryAfterHeader() {
    return new Header()
        .description(
            "seconds to wait before sending the same request again (with the same"
                + " Idempotency-Key where the operation takes one; else after checking whether the"
                + " change was made) when the outcome of the change is unknown")
        .schema(new IntegerSchema().minimum(BigDecimal.ZERO));
  }

  private static void describeIdempotencyKey(Parameter key) {
    key.description(
        "Makes the request safe to repeat: the same caller, key and body answer the first answer"
            + " again and change nothing; the same key with another body is 422; kept for a day");
    key.schema(
        new StringSchema()
            .minLength(1)
            .maxLength(Idempotency.MAX_KEY_LENGTH)
            .pattern("^[ -~]*[!-~][ -~]*$")); // printable ASCII, not blank
  }

  private static boolean hasParameter(
      HandlerMethod handler, Class<? extends java.lang.annotation.Annotation> kind) {
    for (var parameter : handler.getMethodParameters()) {
      if (parameter.hasParameterAnnotation(kind)) {
        return true;
      }
    }
    return false;
  }

  private static ApiResponse problem(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return new ApiResponse()
        .description(known == null ? "Refused" : known.getReasonPhrase())
        .content(
            new Content()
                .addMediaType(
                    PROBLEM_MEDIA_TYPE,
                    new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
  }
}
