package dev.tandem.people.security;

import java.util.Locale;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.persistence.Users;
import dev.tandem.platform.AuditAction;
import dev.tandem.platform.AuditLog;
import dev.tandem.platform.Tenancy;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Writes sign-ins, failed sign-ins and denials to the audit log. A denial is either a request the URL rules refuse
 * (an event) or one a service refuses while it runs (a 403 answer, seen when the request completes).
 */
@Configuration(proxyBeanMethods = false)
class SecurityAudit implements WebMvcConfigurer, HandlerInterceptor {

	private final AuditLog audit;
	private final Users users;

	SecurityAudit(AuditLog audit, Users users) {
		this.audit = audit;
		this.users = users;
	}

	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
			// Published before the user becomes the thread's, so as their organisation explicitly.
			Tenancy.runAs(user.orgId(), () -> audit.record(user.orgId(), user.id(), user.displayName(), AuditAction.SIGNED_IN,
					"user", user.id(), null));
		}
	}

	/** A failed attempt counts for the organisation of the account it named, if there is one. */
	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		String email = event.getAuthentication().getName().trim().toLowerCase(Locale.ROOT);
		var login = users.findLogin(email);
		// Across organisations: an attempt on an unknown account belongs to none.
		Tenancy.asSystem(() -> audit.record(login.map(l -> l.user().orgId()).orElse(null), login.map(l -> l.user().id()).orElse(null), email,
				AuditAction.SIGN_IN_FAILED, "user", login.map(l -> (Object) l.user().id()).orElse(null),
				event.getException().getClass().getSimpleName()));
	}

	@EventListener
	void refused(AuthorizationDeniedEvent<?> event) {
		Authentication authentication = event.getAuthentication().get();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			denied(user, event.getSource() instanceof HttpServletRequest request ? request : null);
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable Exception ex) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		// Refused inside a handler: answered 403 there, or the refusal travels on to Spring Security's handler.
		boolean refused = response.getStatus() == 403 || ex instanceof org.springframework.security.access.AccessDeniedException;
		if (refused && request.getDispatcherType() == DispatcherType.REQUEST && authentication != null
				&& authentication.getPrincipal() instanceof CurrentUser user) {
			denied(user, request);
		}
	}

	private void denied(CurrentUser user, @Nullable HttpServletRequest request) {
		UUID target = null;
		audit.record(user.orgId(), user.id(), user.displayName(), AuditAction.ACCESS_DENIED, "request", target,
				request == null ? null : request.getMethod() + " " + request.getRequestURI());
	}
}
