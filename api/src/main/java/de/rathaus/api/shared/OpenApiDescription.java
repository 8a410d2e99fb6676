package de.rathaus.api.shared;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.TreeSet;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI description at {@code /v3/api-docs}: what the API is, how to sign in, and for every
 * operation every status it answers — its success with its schema, and each refusal as an {@code
 * application/problem+json} answer. Public operations say they need no sign-in.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiDescription {

  static final String PROBLEM = "Problem";
  static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

  @Bean
  public OpenAPI rathausOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Rathaus API")
                .version("v1")
                .description(
                    "Municipal services online, case processing, citizen participation and a"
                        + " verifiable audit trail. Errors are application/problem+json (RFC 9457).")
                .license(
                    new License()
                        .name("EUPL-1.2")
                        .url("https://interoperable-europe.ec.europa.eu/collection/eupl")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT"))
                .addSchemas(PROBLEM, problemSchema()))
        .addSecurityItem(new SecurityRequirement().addList("basic"))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
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
    return problem;
  }

  /** Adds every refusal an operation answers, and its need (or not) of a sign-in. */
  @Bean
  public OperationCustomizer refusals() {
    return (operation, handler) -> {
      TreeSet<Integer> statuses = new TreeSet<>();
      boolean hasBody = hasParameter(handler, RequestBody.class);
      boolean hasPathIds = hasParameter(handler, PathVariable.class);
      boolean signIn = operation.getSecurity() == null; // null: the global requirement applies
      if (hasBody
          || hasPathIds
          || hasParameter(handler, RequestParam.class)
          || hasParameter(handler, RequestHeader.class)) {
        statuses.add(400);
      }
      if (signIn) {
        statuses.add(401);
        statuses.add(403);
      }
      if (hasPathIds) {
        statuses.add(404);
      }
      statuses.add(406);
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
      return operation;
    };
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
