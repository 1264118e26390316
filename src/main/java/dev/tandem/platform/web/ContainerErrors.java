package dev.tandem.platform.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The answer Tomcat writes itself, before the request reaches Tandem: a request line it cannot decode, such as
 * {@code /%zz}. Its report page, without details or version as Spring Boot sets it up, carries the security headers
 * of every other answer too.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

	@Bean
	ReportWithSecurityHeaders errorReportWithSecurityHeaders() {
		return new ReportWithSecurityHeaders();
	}

	/**
	 * Replaces the plain report valve that Spring Boot's own customizer adds to the host; runs after it, so the plain
	 * one is there to replace.
	 */
	static final class ReportWithSecurityHeaders implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				Host host = (Host) context.getParent();
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve.getClass() == ErrorReportValve.class) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.getPipeline().addValve(new WithSecurityHeaders());
				// Else the host adds a plain one of its own when it starts, which would answer first.
				if (host instanceof StandardHost standard) {
					standard.setErrorReportValveClass(WithSecurityHeaders.class.getName());
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}
	}

	static final class WithSecurityHeaders extends ErrorReportValve {

		WithSecurityHeaders() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			if (!response.isCommitted() && !response.containsHeader("X-Content-Type-Options")) {
				SecurityHeaders.write(response);
			}
			super.report(request, response, throwable);
		}
	}
}
