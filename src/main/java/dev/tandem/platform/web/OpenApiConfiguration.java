package dev.tandem.platform.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the API for OpenAPI ({@code /v3/api-docs}, Swagger UI at {@code /api-docs}): every
 * operation takes a personal API token as a bearer token. The server is this one, relative: a URL
 * built from the request would carry whatever {@code Host} header the client sent, and Swagger UI
 * would send tokens there.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
		info = @Info(title = "Tandem API", version = "v1",
				description = "JSON API of Tandem. Lists answer {items, total, nextCursor} and take ?limit= (default 50, at most 500) "
						+ "and ?cursor=. Errors are RFC 9457 problem details; invalid input carries errors: [{field, message}]. "
						+ "Get a token with POST /api/v1/auth/tokens or on your profile page."),
		servers = @Server(url = "/", description = "This Tandem"),
		security = @SecurityRequirement(name = "token"))
@SecurityScheme(name = "token", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "tdm_...")
class OpenApiConfiguration {
}
