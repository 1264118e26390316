package dev.tandem.demo;

import dev.tandem.platform.database.NoExternalDatabase;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * {@code tandem.demo.enabled} when set; otherwise on with the embedded database and off with an
 * external one, so a production database never gets demo people.
 */
class DemoEnabled implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String setting = context.getEnvironment().getProperty("tandem.demo.enabled");
		if (setting != null && !setting.isBlank()) {
			return Boolean.parseBoolean(setting.trim());
		}
		return new NoExternalDatabase().matches(context, metadata);
	}
}
