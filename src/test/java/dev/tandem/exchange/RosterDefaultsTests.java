package dev.tandem.exchange;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.tandem.exchange.ExchangeTestData.Org;
import dev.tandem.goals.Measurements;
import dev.tandem.goals.Scope;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.platform.Period;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A roster without start dates imported together with deals of past years (one ZIP): each membership
 * starts on the first date of that person's records, the dry run says so, and the team's won revenue
 * of a past quarter counts the history.
 */
@TandemIntegrationTest
class RosterDefaultsTests {

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired Measurements measurements;
	@Autowired JdbcClient jdbc;
	@Autowired MessageSource messages;
	@Autowired Clock clock;

	Org org;

	@BeforeEach
	void emptyOrganisation() {
		org = ExchangeTestData.emptyOrganisation(organisations, port);
	}

	@Test
	void membershipsWithoutStartDatesStartWithThePersonsFirstRecord() throws java.io.IOException {
		String s = org.suffix();
		Map<String, String> files = new LinkedHashMap<>();
		files.put("users.csv", "email,name,manager,team\n"
				+ "marleen@" + s + ".import.test,Marleen Start,,\n"
				+ "sanne@" + s + ".import.test,Sanne Start,Marleen Start,Inside\n"
				+ "daan@" + s + ".import.test,Daan Start,Marleen Start,Inside\n"
				+ "eva@" + s + ".import.test,Eva Start,Marleen Start,Inside\n");
		files.put("deals.csv", "id,title,account,owner,amount,closeDate,stage,status,createdAt\n"
				+ "d1,Alpha,Acme,sanne@" + s + ".import.test,1000,2016-11-15,Won,WON,2016-10-01\n"
				+ "d2,Beta,Acme,sanne@" + s + ".import.test,2500,2016-12-20,Won,WON,2016-11-01\n"
				+ "d3,Gamma,Acme,Daan Start,400,2016-12-05,Won,WON,2016-12-01\n"
				+ "d4,Delta,Acme,daan@" + s + ".import.test,9000,2017-01-10,Won,WON,2016-12-02\n"
				+ "d5,Epsilon,Acme,daan@" + s + ".import.test,700,2016-12-10,Lost,LOST,2016-12-03\n"
				+ "d6,Zeta,Acme,eva@" + s + ".import.test,300,2016-10-20,Won,WON,2016-10-01\n"
				// Marleen leads the team without a membership of her own: her records date nothing.
				+ "d7,Eta,Acme,marleen@" + s + ".import.test,200,2015-03-01,Lost,LOST,2015-01-05\n");
		JsonNode job = org.upload("history.zip", ExchangeTestData.zip(files));
		JsonNode checked = org.check(job.get("id").asString());
		JsonNode report = checked.get("report");
		assertThat(report.get("ready").asBoolean()).as(checked.toString()).isTrue();
		assertThat(report.get("newValues").valueStream().filter(n -> n.get("category").asString().equals("memberFrom"))
			.map(n -> tuple(n.get("value").asString(), n.get("rows").asInt())))
			.containsExactlyInAnyOrder(tuple("2016-10-01", 2), tuple("2016-12-01", 1));
		assertThat(messages.getMessage("imports.member-from", new Object[] { 2, "2016-10-01" }, Locale.ENGLISH))
			.isEqualTo("Memberships of 2 people start on 2016-10-01, the first date of their records in this import.");
		assertThat(messages.getMessage("imports.member-from", new Object[] { 1, "2016-12-01" }, Locale.forLanguageTag("nl")))
			.isEqualTo("Het lidmaatschap van 1 persoon begint op 2016-12-01, de eerste datum van hun gegevens in deze import.");
		assertThat(org.run(job.get("id").asString()).get("status").asString()).isEqualTo("DONE");

		assertThat(jdbc.sql("""
				select u.display_name, t.name, m.valid_from
				  from people_membership m join people_user u on u.org_id = m.org_id and u.id = m.user_id
				  join people_team t on t.org_id = m.org_id and t.id = m.team_id
				 where m.org_id = :org order by u.display_name
				""").param("org", org.admin().orgId())
			.query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class))).list())
			.containsExactly(tuple("Daan Start", "Inside", LocalDate.of(2016, 12, 1)),
					tuple("Eva Start", "Inside", LocalDate.of(2016, 10, 1)),
					tuple("Sanne Start", "Inside", LocalDate.of(2016, 10, 1)));
		UUID inside = jdbc.sql("select id from people_team where org_id = :org and name = 'Inside'")
			.param("org", org.admin().orgId()).query(UUID.class).single();
		// Q4 2016: Alpha 1000 + Beta 2500 + Gamma 400 + Zeta 300; Delta closed in 2017, Epsilon was lost.
		Period quarter = Period.containing(LocalDate.of(2016, 11, 1), Period.Kind.QUARTER, 1);
		assertThat(measurements.measure(org.admin().orgId(), Scope.team(inside), quarter, ZoneId.of("Europe/Amsterdam"))
			.total().wonRevenue()).isEqualByComparingTo(new BigDecimal("4200"));
	}

	@Test
	void aRosterWithoutRecordsStartsToday() {
		String s = org.suffix();
		String roster = "Name,E-mail,Manager,Team\nMarleen Today,marleen@" + s + ".import.test,,\n"
				+ "Sanne Today,sanne@" + s + ".import.test,Marleen Today,Inside\n";
		JsonNode job = org.upload("roster.csv", roster.getBytes(StandardCharsets.UTF_8));
		JsonNode checked = org.check(job.get("id").asString());
		assertThat(checked.get("report").get("newValues").valueStream().map(n -> n.get("category").asString()))
			.doesNotContain("memberFrom");
		assertThat(org.run(job.get("id").asString()).get("status").asString()).isEqualTo("DONE");
		LocalDate today = jdbc.sql("select valid_from from people_membership where org_id = :org")
			.param("org", org.admin().orgId()).query(LocalDate.class).single();
		assertThat(today).isEqualTo(LocalDate.now(clock.withZone(ZoneId.of("Europe/Amsterdam"))));
	}

}
