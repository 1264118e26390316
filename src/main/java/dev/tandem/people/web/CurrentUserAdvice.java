package dev.tandem.people.web;

import dev.tandem.people.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the signed-in user ({@code me}) for the header.
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

	@ModelAttribute("me")
	@Nullable CurrentUser me(@AuthenticationPrincipal @Nullable CurrentUser user) {
		return user;
	}
}
