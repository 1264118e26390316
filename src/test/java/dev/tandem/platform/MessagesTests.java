package dev.tandem.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.tandem.people.Role;
import dev.tandem.people.TeamKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * English and Dutch stay complete: the same keys in both files, every key a template names exists,
 * and every role and team kind has a label.
 */
class MessagesTests {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)[(}]");

	@Test
	void englishAndDutchHaveTheSameKeys() throws IOException {
		assertThat(load("messages_nl.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
	}

	@Test
	void noDutchTextIsLeftInEnglish() throws IOException {
		Properties english = load("messages.properties");
		Properties dutch = load("messages_nl.properties");
		Set<String> same = new TreeSet<>();
		for (String key : english.stringPropertyNames()) {
			String value = english.getProperty(key);
			if (value.equals(dutch.getProperty(key)) && value.matches(".*[a-z]{4,}.*") && !key.startsWith("lang.")
					&& !key.equals("app.name")) {
				same.add(key);
			}
		}
		// Words that are the same in both languages (English sales terms are Dutch sales terms too).
		assertThat(same).isSubsetOf(
			"account.deals", "account.open-deals", "account.sector", "account.website", "accounts.title", "activity-type.EMAIL",
			"activity-type.SOCIAL", "activity-types.EMAIL", "channel.EMAIL", "channel.SOCIAL", "deal.buying-group",
			"deals.account", "deals.status", "deals.title", "column.account", "column.forecast", "forecast.BEST_CASE", "forecast.COMMIT", "waiting.kind.import", "insight.coaching.deals", "insight.open-deals", "insight.status",
			"kind.ENABLEMENT", "kind.MARKETING", "kind.OPERATIONS", "lead.score", "lead.score-of", "help.category.PRODUCT",
			"leads.title", "list.deal-or-account", "login.email", "nav.accounts", "nav.deals", "nav.leads", "nav.playbook",
			"nav.teams", "playbook.buying-group", "playbook.min-stakeholders.chip", "playbook.title",
			"routing.rule.ROUND_ROBIN", "source.INBOUND", "source.OUTBOUND", "source.PARTNER", "teams.title", "users.email",
			"users.status", "users.teams", "imports.status", "imports.value.target", "exchange.kind.TEAMS",
			"exchange.kind.ACCOUNTS", "exchange.kind.DEALS", "exchange.kind.LEADS", "exchange.preset.SALESFORCE",
			"exchange.preset.PIPEDRIVE", "exchange.preset.TANDEM", "forecast.change.deals", "nav.forecast", "forecast.title",
			"forecast.backtest.link", "forecast.backtest.open-deals", "forecast.best-case", "forecast.commit",
			"forecast.field.bestCase", "forecast.field.commit", "recycle.kind.ACCOUNT", "exchange.field.bestCase",
			"exchange.field.commit", "tokens.token", "lines.product", "custom-fields.kind.ACCOUNT", "custom-fields.status",
			"exchange.category.product", "exchange.field.product", "search.kind.ACCOUNT",
			"nav.coaching", "coaching.title");
	}

	@Test
	void everyKeyUsedInATemplateExists() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(file));
				while (matcher.find()) {
					if (!keys.contains(matcher.group(1))) {
						missing.add(file.getFileName() + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyRoleAndTeamKindHasALabel() throws IOException {
		Set<String> keys = new HashSet<>(load("messages.properties").stringPropertyNames());
		for (Role role : Role.values()) {
			assertThat(keys).contains("role." + role);
		}
		for (TeamKind kind : TeamKind.values()) {
			assertThat(keys).contains("kind." + kind);
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name)) {
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return properties;
	}
}
