package dev.tandem.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one import may take, so a file cannot exhaust the server: {@code tandem.import.max-file-size}
 * (default 20 MB) and {@code tandem.import.max-rows} (default 200,000 rows per file).
 */
@ConfigurationProperties("tandem.import")
public record ImportLimits(@DefaultValue("20MB") DataSize maxFileSize, @DefaultValue("200000") int maxRows) {
}
