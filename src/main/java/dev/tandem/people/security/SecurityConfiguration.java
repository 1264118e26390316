package dev.tandem.people.security;

import java.time.Clock;
import java.util.Map;

import dev.tandem.people.UserManagement;
import dev.tandem.platform.web.SecurityHeaders;
import jakarta.servlet.http.Cookie;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.CookieClearingLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Two doors: the JSON API under {@code /api} (personal bearer tokens, no session, no CSRF since
 * no cookie is trusted) and the web UI (form login, session, CSRF on every form).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	private static final String ARGON2 = "argon2@SpringSecurity_v5_8";

	private static final ReferrerPolicyHeaderWriter.ReferrerPolicy REFERRER_POLICY =
			ReferrerPolicyHeaderWriter.ReferrerPolicy.get(SecurityHeaders.REFERRER_POLICY);

	/**
	 * New hashes are Argon2id, which takes a password of any length (bcrypt stops at 72 bytes and refuses more);
	 * bcrypt hashes from before still match, and are replaced by Argon2 at the next sign-in.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder(ARGON2, Map.of(ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
				"bcrypt", new BCryptPasswordEncoder()));
	}

	/**
	 * Sessions are written with PostgreSQL's upserts: requests of one session at the same moment (tabs, a page and its
	 * htmx parts right after sign-in) may each add the same new attribute, such as the CSRF token, and a plain insert
	 * of the second one failed the request.
	 */
	@Bean
	org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionUpserts() {
		return new org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/** Publishes every sign-in and failed attempt as an event, which {@link SecurityAudit} records. */
	@Bean
	AuthenticationManager authenticationManager(PasswordAuthenticationProvider provider,
			org.springframework.context.ApplicationEventPublisher events) {
		ProviderManager manager = new ProviderManager(provider);
		org.springframework.security.authentication.DefaultAuthenticationEventPublisher publisher =
				new org.springframework.security.authentication.DefaultAuthenticationEventPublisher(events);
		publisher.setDefaultAuthenticationFailureEvent(
				org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent.class);
		manager.setAuthenticationEventPublisher(publisher);
		return manager;
	}

	/** Publishes every request the URL rules refuse, which {@link SecurityAudit} records for signed-in users. */
	@Bean
	org.springframework.security.authorization.AuthorizationEventPublisher authorizationEvents(
			org.springframework.context.ApplicationEventPublisher events) {
		return new org.springframework.security.authorization.SpringAuthorizationEventPublisher(events);
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	/** Back to the page asked for after sign-in, without the {@code ?continue} marker in its address. */
	private static HttpSessionRequestCache requestCache() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setMatchingRequestParameterName(null);
		return cache;
	}

	/*
	 * Redirects are relative: a location built from the request would carry whatever Host header the client sent, so a
	 * forged one would send the browser elsewhere (and poison a cache in front of Tandem).
	 */

	private static LoginUrlAuthenticationEntryPoint toSignIn() {
		LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
		entryPoint.setFavorRelativeUris(true);
		return entryPoint;
	}

	private static SavedRequestAwareAuthenticationSuccessHandler backToTheAskedPage(SavedRequestAwareAuthenticationSuccessHandler handler) {
		// The saved request's address is absolute, built from the request's Host; only its path and query are used.
		RedirectStrategy relative = (request, response, url) -> {
			java.net.URI uri = java.net.URI.create(url);
			String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
			String landing = PartnerAccess.afterSignIn(path);
			if (!landing.equals(path)) {
				// A partner asked for a sales page they may not open: their department's page instead of a 403.
				response.sendRedirect(response.encodeRedirectURL(landing));
				return;
			}
			response.sendRedirect(response.encodeRedirectURL(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery()));
		};
		handler.setRedirectStrategy(relative);
		return handler;
	}

	/** Clears the session cookie at sign-out with the flags it was set with: a script cannot read even the empty one. */
	private static CookieClearingLogoutHandler clearSessionCookie() {
		Cookie cleared = new Cookie("TANDEM_SESSION", "");
		cleared.setPath("/");
		cleared.setMaxAge(0);
		cleared.setHttpOnly(true);
		cleared.setAttribute("SameSite", "Lax");
		return new CookieClearingLogoutHandler(cleared);
	}

	/** The rate limit counts signed-in API requests, so it runs inside the API's chain only, not for every request. */
	@Bean
	FilterRegistrationBean<ApiRateLimitFilter> rateLimitsOnlyInTheApiChain(ApiRateLimitFilter filter) {
		FilterRegistrationBean<ApiRateLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ApiFairShareFilter> fairShareOnlyInTheApiChain(ApiFairShareFilter filter) {
		FilterRegistrationBean<ApiFairShareFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokenFilter apiTokenFilter, ApiRateLimitFilter rateLimits, ApiFairShareFilter fairShare,
			ProblemResponses problems) throws Exception {
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> auth
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens").permitAll()
				// The setup answers only while no organisation exists and for the setup token; it checks both itself.
				.requestMatchers(HttpMethod.POST, "/api/v1/setup").permitAll()
				.requestMatchers(PartnerAccess.OPERATIONS).authenticated()
				.requestMatchers(HttpMethod.GET, PartnerAccess.READS).authenticated()
				.anyRequest().hasAnyRole(PartnerAccess.SALES_ROLES))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(apiTokenFilter, AnonymousAuthenticationFilter.class)
			.addFilterAfter(rateLimits, ApiTokenFilter.class)
			.addFilterAfter(fairShare, ApiRateLimitFilter.class)
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(h -> h.referrerPolicy(r -> r.policy(REFERRER_POLICY)))
			.build();
	}

	/**
	 * Calendar feeds: the secret in the address is the credential, checked by the feed itself, so the door lets
	 * every request through without a session (a calendar app keeps no cookie) and without CSRF (it only reads).
	 */
	@Bean
	@Order(0)
	SecurityFilterChain calendarFeedDoor(HttpSecurity http) throws Exception {
		return http.securityMatcher(org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults()
				.matcher(HttpMethod.GET, "/calendar/*.ics"))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(c -> c.securityContextRepository(new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
				.referrerPolicy(r -> r.policy(REFERRER_POLICY)))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, AuthenticationManager authenticationManager, LoginFailureHandler failureHandler,
			SecurityContextRepository contextRepository, UserManagement users, SignedInUser signedIn,
			SessionGuard.Settings sessionSettings, Clock clock, WarmUp warmUp) throws Exception {
		HttpSessionRequestCache requestCache = requestCache();
		return http
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/set-password", "/setup", "/assets/**", "/webjars/**", "/favicon.ico",
						"/error", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**", "/api-docs/**",
						"/swagger-ui/**").permitAll()
				.requestMatchers(HttpMethod.POST, "/language").permitAll()
				.requestMatchers("/admin/**", "/teams/new", "/teams/*/edit").hasRole("ADMIN")
				.requestMatchers("/department").hasAnyRole("PARTNER", "ADMIN")
				.requestMatchers(HttpMethod.POST, "/teams", "/teams/**").hasRole("ADMIN")
				.requestMatchers(PartnerAccess.PAGES).authenticated()
				.anyRequest().hasAnyRole(PartnerAccess.SALES_ROLES))
			// One manager with one provider: a failed attempt is checked, and counted, exactly once.
			.authenticationManager(authenticationManager)
			.securityContext(c -> c.securityContextRepository(contextRepository))
			.requestCache(c -> c.requestCache(requestCache))
			.exceptionHandling(e -> e.authenticationEntryPoint(toSignIn()).accessDeniedHandler(PartnerAccess.deniedPages()))
			.formLogin(form -> form.loginPage("/login").failureHandler(failureHandler)
				.successHandler(backToTheAskedPage(new SignInSuccessHandler(requestCache, clock))))
			.addFilterBefore(new SessionGuard(users, signedIn, sessionSettings, clock), AnonymousAuthenticationFilter.class)
			.addFilterAfter(new WarmUp.Filter(warmUp), SessionGuard.class)
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").addLogoutHandler(clearSessionCookie()))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
				.referrerPolicy(r -> r.policy(REFERRER_POLICY)))
			.build();
	}
}
