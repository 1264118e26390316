package dev.tandem.bench;

import dev.tandem.TandemApplication;
import org.springframework.boot.SpringApplication;

/**
 * Tandem with the benchmark helpers on the class path: started by the scripts in {@code bench/} through
 * {@code ./mvnw spring-boot:test-run}; with {@code --tandem.bench.organisation=true} it creates Bench Corp on first
 * start ({@link LargeOrganisation}).
 */
public final class BenchTandem {

	private BenchTandem() {
	}

	public static void main(String[] args) {
		SpringApplication.run(TandemApplication.class, args);
	}
}
