package dev.tandem.platform.web;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalConverter;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;

/**
 * Reads Tandem's enums from request parameters whatever their case ({@code status=open} as the documentation
 * writes it, {@code OPEN} as the API answers it) and with {@code -} for {@code _} ({@code closed-won}). Other
 * libraries' enums keep Spring's exact conversion.
 */
@SuppressWarnings({ "rawtypes", "unchecked" })
final class LenientEnums implements ConverterFactory<String, Enum>, ConditionalConverter {

	@Override
	public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
		Class<?> type = targetType.getType();
		Class<?> enumType = type.isEnum() ? type : type.getSuperclass();
		return enumType != null && enumType.getName().startsWith("dev.tandem.");
	}

	@Override
	public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
		Class<?> type = targetType;
		while (type != null && !type.isEnum()) {
			type = type.getSuperclass();
		}
		Class<T> enumType = (Class<T>) type;
		return source -> convert(enumType, source);
	}

	static <T extends Enum> @Nullable T convert(Class<T> type, String source) {
		String value = source.trim();
		if (value.isEmpty()) {
			return null;
		}
		for (T constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(value) || constant.name().equalsIgnoreCase(value.replace('-', '_'))) {
				return constant;
			}
		}
		throw new IllegalArgumentException("No " + type.getSimpleName() + " " + value + "; one of " + Set.of(type.getEnumConstants()));
	}
}
