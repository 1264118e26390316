package dev.tandem.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.tandem.exchange.ExchangeTestData.Org;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.support.ApiClient;
import dev.tandem.support.HostileText;
import dev.tandem.support.Multipart;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload is imported only when it is what the import documents: CSV text, an XLSX workbook or a ZIP of CSVs. A
 * file of another kind, or one whose content is not what its name says, is refused with a 400 naming the rule in the
 * reader's language, through the API and the page alike; so are files past the size limit and ZIPs with entries that
 * lead outside the archive. A refusal writes nothing: no import, no record. A file name is kept without its folders
 * and control characters, and shown escaped.
 */
@TandemIntegrationTest
class UploadRefusalTests {

	private static final String FORMAT_EN = "Tandem imports CSV (.csv, .tsv or .txt), XLSX and its own export ZIP; %s is none of these.";
	private static final String FORMAT_NL = "Tandem importeert CSV (.csv, .tsv of .txt), XLSX en zijn eigen export-ZIP; %s is geen van deze.";
	private static final String MARKUP_EN = "The file is named as CSV but holds HTML or XML. Tandem imports CSV, XLSX and its own export ZIP.";
	private static final String MARKUP_NL = "Het bestand heet CSV maar bevat HTML of XML. Tandem importeert CSV, XLSX en zijn eigen export-ZIP.";
	private static final String BINARY_EN = "The file is named as CSV but holds binary data (a program, a PDF, an archive or an image), not text. "
			+ "Tandem imports CSV, XLSX and its own export ZIP.";

	private static final byte[] SVG = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"window.__xss=1\"><script>window.__xss=1</script></svg>"
		.getBytes(StandardCharsets.UTF_8);
	private static final byte[] HTML = "<!DOCTYPE html>\n<html><body><script>window.__xss=1</script>Name,Sector\n</body></html>"
		.getBytes(StandardCharsets.UTF_8);
	private static final byte[] EXE = exe();
	private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private static final java.util.regex.Pattern FORM_TOKEN = java.util.regex.Pattern.compile("action=\"/imports\\?_csrf=([^\"&]+)\"");

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired JdbcClient jdbc;

	Org org;

	@BeforeEach
	void emptyOrganisation() {
		org = ExchangeTestData.emptyOrganisation(organisations, port);
	}

	@Test
	void filesOfAnotherKindAreRefusedNamingTheRuleInEnglishAndDutch() {
		for (Object[] file : List.of(new Object[] { "drawing.svg", SVG }, new Object[] { "page.html", HTML },
				new Object[] { "setup.exe", EXE }, new Object[] { "report.pdf", PDF })) {
			String name = (String) file[0];
			assertThat(refusal(name, (byte[]) file[1], "en")).as(name).isEqualTo(FORMAT_EN.formatted(name));
			assertThat(refusal(name, (byte[]) file[1], "nl")).as(name).isEqualTo(FORMAT_NL.formatted(name));
		}
		assertNothingWritten();
	}

	@Test
	void aFileWhoseContentIsNotWhatItsNameSaysIsRefused() {
		assertThat(refusal("accounts.csv", HTML, "en")).isEqualTo(MARKUP_EN);
		assertThat(refusal("accounts.csv", HTML, "nl")).isEqualTo(MARKUP_NL);
		assertThat(refusal("accounts.csv", SVG, "en")).isEqualTo(MARKUP_EN);
		assertThat(refusal("accounts.txt", EXE, "en")).isEqualTo(BINARY_EN);
		assertThat(refusal("accounts.csv", PDF, "en")).isEqualTo(BINARY_EN);
		assertThat(refusal("accounts.xlsx", HTML, "en")).isEqualTo("The file is named accounts.xlsx but is not a XLSX file.");
		assertThat(refusal("export.zip", EXE, "nl")).isEqualTo("Het bestand heet export.zip maar is geen ZIP-bestand.");
		assertNothingWritten();
	}

	@Test
	void aFilePastTheSizeLimitIsRefusedWithTheLimitNamed() {
		byte[] big = new byte[21 * 1024 * 1024];
		Arrays.fill(big, (byte) 'a');
		assertThat(refusal("accounts.csv", big, "en")).isEqualTo("The file is larger than 20 MB, the most one import takes. Split it into smaller files.");
		assertThat(refusal("accounts.csv", big, "nl"))
			.isEqualTo("Het bestand is groter dan 20 MB, het maximum voor één import. Splits het in kleinere bestanden.");
		assertNothingWritten();
	}

	@Test
	void aZipPastItsEntryLimitIsRefusedWithTheLimitNamedInDutch() {
		String[] names = new String[51];
		for (int i = 0; i < names.length; i++) {
			names[i] = "extra-" + i + ".csv";
		}
		assertThat(refusal("export.zip", zip(names), "nl")).startsWith("De ZIP bevat meer dan 50 bestanden");
		assertNothingWritten();
	}

	@ParameterizedTest
	@ValueSource(strings = { "../accounts.csv", "../../../../tmp/accounts.csv", "/etc/accounts.csv", "..\\..\\accounts.csv",
			"C:\\accounts.csv", "acc\u0000ounts.csv", "export/../../accounts.csv" })
	void aZipEntryThatLeadsOutsideTheArchiveRefusesTheZip(String entry) {
		String message = refusal("export.zip", zip("accounts.csv", entry), "en");
		assertThat(message).startsWith("The ZIP holds an entry named \"").contains("which leads outside the archive")
			.doesNotContain("\u0000");
		assertNothingWritten();
		assertThat(Files.exists(Path.of("accounts.csv"))).isFalse();
	}

	@Test
	void aRefusedEntryNameIsShownEscapedOnThePage() {
		WebSession web = WebSession.signedIn(port, org.admin().email(), ExchangeTestData.PASSWORD);
		HttpResponse<String> upload = webUpload(web, "export.zip", zip("accounts.csv", "../" + HostileText.fileName(1)));
		assertThat(upload.statusCode()).isEqualTo(302);
		assertThat(upload.headers().firstValue("Location")).hasValue("/imports");
		String page = web.get("/imports").body();
		assertThat(page).contains("The ZIP holds an entry named &quot;../Tz1z&lt;img src=x onerror=window.__xss=1&gt;");
		assertThat(HostileText.unescaped(page)).isEmpty();
		assertNothingWritten();
	}

	@Test
	void thePageRefusesOtherKindsInTheReadersLanguageAndWritesNothing() {
		WebSession web = WebSession.signedIn(port, org.admin().email(), ExchangeTestData.PASSWORD);
		web.post("/language", java.util.Map.of("lang", "nl"));
		for (Object[] file : List.of(new Object[] { "drawing.svg", SVG }, new Object[] { "setup.exe", EXE })) {
			HttpResponse<String> upload = webUpload(web, (String) file[0], (byte[]) file[1]);
			assertThat(upload.statusCode()).isEqualTo(302);
			assertThat(web.get("/imports").body()).contains(FORMAT_NL.formatted(file[0]));
		}
		webUpload(web, "accounts.csv", HTML);
		assertThat(web.get("/imports").body()).contains(MARKUP_NL);
		assertNothingWritten();
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../hostile-upload.csv", "/etc/hostile-upload.csv", "..\\..\\hostile-upload.csv",
			"C:\\Users\\me\\hostile-upload.csv", "hostile-\u0007upload.csv\u2028" })
	void anUploadedFileNameIsKeptWithoutFoldersOrControlCharacters(String name) {
		ApiClient.Response response = upload(name, "Name,Sector\nAcme,Retail\n".getBytes(StandardCharsets.UTF_8), "en");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("fileName").asString()).isEqualTo("hostile-upload.csv");
		assertThat(Files.exists(Path.of("hostile-upload.csv"))).isFalse();
		assertThat(Files.exists(Path.of("..", "hostile-upload.csv"))).isFalse();
		assertThat(Files.exists(Path.of(System.getProperty("java.io.tmpdir"), "hostile-upload.csv"))).isFalse();
	}

	@Test
	void aFileNameWithANulIsRefusedNamingTheRule() {
		assertThat(refusal("accounts\u0000.exe.csv", "Name\nAcme\n".getBytes(StandardCharsets.UTF_8), "en"))
			.isEqualTo("The file name holds a control character (such as NUL), which no file name may hold. Rename the file and upload it again.");
		assertThat(refusal("accounts\u0000.exe.csv", "Name\nAcme\n".getBytes(StandardCharsets.UTF_8), "nl"))
			.startsWith("De bestandsnaam bevat een stuurteken (zoals NUL)");
		WebSession web = WebSession.signedIn(port, org.admin().email(), ExchangeTestData.PASSWORD);
		HttpResponse<String> page = webUpload(web, "accounts\u0000.csv", "Name\nAcme\n".getBytes(StandardCharsets.UTF_8));
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("The file name holds a control character (such as NUL)");
		assertNothingWritten();
	}

	@Test
	void aFileNameWithMarkupIsShownEscaped() {
		ApiClient.Response response = upload(HostileText.fileName(2), "Name,Sector\nAcme,Retail\n".getBytes(StandardCharsets.UTF_8), "en");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		WebSession web = WebSession.signedIn(port, org.admin().email(), ExchangeTestData.PASSWORD);
		for (String path : List.of("/imports", "/imports/" + response.json().get("id").asString())) {
			String page = web.get(path).body();
			assertThat(page).as(path).contains("Tz2z&lt;img src=x onerror=window.__xss=1&gt;");
			assertThat(HostileText.unescaped(page)).as(path).isEmpty();
		}
	}

	private String refusal(String name, byte[] content, String language) {
		ApiClient.Response response = upload(name, content, language);
		assertThat(response.status()).as(name + ": " + response.body()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
		return response.json().get("errors").get(0).get("message").asString();
	}

	private void assertNothingWritten() {
		assertThat(count("exchange_import")).as("imports").isZero();
		assertThat(count("crm_account")).as("accounts").isZero();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table + " where org_id = :org").param("org", org.admin().orgId()).query(Long.class).single();
	}

	private ApiClient.Response upload(String name, byte[] content, String language) {
		String boundary = "----tandem" + UUID.randomUUID();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports"))
			.header("Authorization", "Bearer " + org.api().token()).header("Accept-Language", language)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(Multipart.file(boundary, name, content))).build();
		HttpResponse<String> response = send(request);
		return new ApiClient.Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""), null);
	}

	/** The upload form as a browser posts it: the session cookie, the token the page put in the form's address. */
	private HttpResponse<String> webUpload(WebSession web, String name, byte[] content) {
		java.util.regex.Matcher action = FORM_TOKEN.matcher(web.get("/imports").body());
		assertThat(action.find()).isTrue();
		String token = action.group(1);
		String boundary = "----tandem" + UUID.randomUUID();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/imports?_csrf=" + token))
			.header("Cookie", "TANDEM_SESSION=" + web.cookie("TANDEM_SESSION")).header("Accept", "text/html")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(Multipart.file(boundary, name, content))).build();
		return send(request);
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] zip(String... names) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (String name : names) {
				zip.putNextEntry(new ZipEntry(name));
				zip.write("Name,Sector\nAcme,Retail\n".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** The start of a Windows program: the MZ header, its DOS stub and NUL padding. */
	private static byte[] exe() {
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(stub, 0, exe, 0x4E, stub.length);
		return exe;
	}
}
