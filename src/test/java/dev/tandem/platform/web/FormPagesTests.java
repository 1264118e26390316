package dev.tandem.platform.web;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused form write, as the browser sees it: the form again (200, in the layout) with what the user typed,
 * each field's message next to it through the shared error fragment (the control {@code aria-invalid} and
 * described by the message), and a stale version as the banner saying the record changed in the meantime.
 * Nothing is written.
 */
@TandemIntegrationTest
class FormPagesTests {

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;

	@Test
	void invalidInputShowsTheFormAgainWithEachFieldsMessageAndTheInput() {
		WebSession brigitte = WebSession.signedIn(port, Demo.MANAGER, Demo.PASSWORD);
		brigitte.get("/accounts/new");
		String sector = "Sector " + UUID.randomUUID();
		HttpResponse<String> answer = brigitte.post("/accounts", Map.of("name", " ", "sector", sector, "size", "huge"));
		assertThat(answer.statusCode()).isEqualTo(200);
		String body = answer.body();
		assertThat(body).contains("<html", "class=\"mainnav\"");
		assertThat(body).contains("<p class=\"field-error\" id=\"name-error\">must be 1 to 200 characters</p>",
				"<p class=\"field-error\" id=\"size-error\">must be one of 1-10, 11-50, 51-200, 201-1000, 1000+</p>");
		assertThat(body).containsPattern("<input id=\"name\" name=\"name\" type=\"text\" value=\" \" maxlength=\"200\" "
				+ "aria-invalid=\"true\" aria-describedby=\"name-error\" required=\"required\">");
		assertThat(body).containsPattern("<select id=\"size\" name=\"size\" aria-invalid=\"true\" aria-describedby=\"size-error\">");
		assertThat(body).contains("value=\"" + sector + "\"");
		assertThat(jdbc.sql("select count(*) from crm_account where sector = :sector").param("sector", sector).query(Long.class).single())
			.isZero();
	}

	@Test
	void aStaleVersionShowsTheFormAgainSayingItChangedAndKeepsTheInput() {
		WebSession brigitte = WebSession.signedIn(port, Demo.MANAGER, Demo.PASSWORD);
		UUID sanne = Demo.userId(jdbc, Demo.REP);
		var account = jdbc.sql("select id, version from crm_account where owner_id = :owner order by id limit 1").param("owner", sanne)
			.query((rs, n) -> new Object[] {rs.getObject("id", UUID.class), rs.getInt("version")}).single();
		UUID id = (UUID) account[0];
		int version = (int) account[1];
		brigitte.get("/accounts/" + id + "/edit");
		String name = "Renamed " + UUID.randomUUID();
		HttpResponse<String> answer = brigitte.post("/accounts/" + id, Map.of("version", String.valueOf(version + 1000), "name", name));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("<html", "class=\"mainnav\"", "changed this in the meantime. Reload to see their change",
				"value=\"" + name + "\"");
		assertThat(answer.body()).doesNotContain("class=\"field-error\"");
		assertThat(jdbc.sql("select version from crm_account where id = :id").param("id", id).query(Integer.class).single())
			.isEqualTo(version);
	}
}
