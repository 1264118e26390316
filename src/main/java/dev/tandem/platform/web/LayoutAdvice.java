package dev.tandem.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page of the UI its navigation: the items the signed-in user may use, the current one
 * marked.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	private static final String PARTNER = "ROLE_PARTNER";

	private final List<NavigationContributor> contributors;

	LayoutAdvice(List<NavigationContributor> contributors) {
		this.contributors = contributors;
	}

	@ModelAttribute("nav")
	List<ActiveItem> navigation(HttpServletRequest request) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
			return List.of();
		}
		Set<String> authorities = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		return contributors.stream()
			.flatMap(c -> c.navigationItems().stream())
			.filter(i -> i.requiredAuthority() == null || authorities.contains(i.requiredAuthority()))
			.filter(i -> i.forPartners() || !authorities.contains(PARTNER))
			.sorted(Comparator.comparingInt(NavigationItem::order))
			.map(i -> new ActiveItem(i.labelKey(), i.path(),
					i.path().equals("/") ? uri.equals("/") : uri.equals(i.path()) || uri.startsWith(i.path() + "/")))
			.toList();
	}

	/** A navigation item as the layout renders it. */
	record ActiveItem(String labelKey, String path, boolean active) {
	}
}
