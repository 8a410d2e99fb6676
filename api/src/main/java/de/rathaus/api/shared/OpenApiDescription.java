package de.rathaus.api.shared;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}: what the API is and how to sign in. */
@Configuration(proxyBeanMethods = false)
public class OpenApiDescription {

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
                .license(new License().name("to be decided by the city")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("basic"))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
