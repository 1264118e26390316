package dev.tandem.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one import may take, so a file cannot exhaust the server: {@code tandem.import.max-file-size} (default
 * 20 MB) and {@code tandem.import.max-rows} (default 200,000 rows per file); for a ZIP also
 * {@code tandem.import.max-unpacked-size} (default 200 MB in all), {@code tandem.import.max-entries} (default 50)
 * and {@code tandem.import.max-compression-ratio} (default 100: a ZIP that unpacks to more than a hundred times
 * its size is a ZIP bomb, not an export).
 */
@ConfigurationProperties("tandem.import")
public record ImportLimits(@DefaultValue("20MB") DataSize maxFileSize, @DefaultValue("200000") int maxRows,
		@DefaultValue("200MB") DataSize maxUnpackedSize, @DefaultValue("50") int maxEntries,
		@DefaultValue("100") int maxCompressionRatio) {
}
