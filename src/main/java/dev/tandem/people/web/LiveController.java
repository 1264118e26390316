package dev.tandem.people.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.LiveScope;
import dev.tandem.platform.LiveSubscriptions;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream a page opens ({@code /live?scope=team:<id>}) to hear when anything it shows changes. The scope
 * says what the page watches; each kind is a {@link LiveScope} bean of the module that knows it (see
 * {@link PeopleLiveScopes}), which also decides whether the viewer may watch it: nobody can listen to what they may
 * not see. Without a scope a stream watches {@code me}.
 */
@Controller
class LiveController {

	private final LiveSubscriptions subscriptions;
	private final Map<String, LiveScope<CurrentUser>> scopes;

	LiveController(LiveSubscriptions subscriptions, List<LiveScope<CurrentUser>> scopes) {
		this.subscriptions = subscriptions;
		this.scopes = scopes.stream().collect(Collectors.toUnmodifiableMap(LiveScope::prefix, s -> s));
	}

	@GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter live(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable String scope) {
		String text = scope == null || scope.isBlank() ? "me" : scope.trim();
		int colon = text.indexOf(':');
		LiveScope<CurrentUser> kind = scopes.get(colon < 0 ? text : text.substring(0, colon));
		if (kind == null) {
			throw InvalidInputException.of("scope", "validation.scope");
		}
		LiveScope.Watch watch = kind.resolve(me, colon < 0 ? null : text.substring(colon + 1));
		return subscriptions.subscribe(me.orgId(), watch.users(), watch.teams());
	}
}
