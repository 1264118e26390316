package dev.tandem.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How pages and the API read request values: Tandem's enums in any case, amounts in the reader's language
 * ({@link LocaleDecimals}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverterFactory(new LenientEnums());
		registry.addFormatterForFieldType(java.math.BigDecimal.class, new LocaleDecimals());
	}
}
