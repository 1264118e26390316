package dev.tandem.platform.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Tandem keeps its files, the embedded database among them ({@code tandem.data-dir},
 * default {@code ./data}).
 */
@ConfigurationProperties("tandem")
record DataDirectory(@DefaultValue("./data") Path dataDir) {

	Path path() {
		return dataDir;
	}
}
