package dev.tandem.platform;

import java.util.Set;
import java.util.UUID;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Registers a browser's server-sent-events stream for the changes of some people and teams. A module that
 * knows who may watch what (the people module) opens subscriptions; the live relay feeds them.
 */
public interface LiveSubscriptions {

	/** Opens a stream that receives an event {@code changed} when anything concerning these people or teams changes. */
	SseEmitter subscribe(UUID orgId, Set<UUID> users, Set<UUID> teams);
}
