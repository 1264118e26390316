package dev.tandem.platform.database;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link TenantConnections} around the application's pool, the embedded database's as an external one's, so
 * every connection the application uses is set to the scope of its thread.
 */
@Configuration(proxyBeanMethods = false)
class TenantDataSourceConfiguration {

	@Bean
	static BeanPostProcessor tenantConnections() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof DataSource pool && beanName.equals("dataSource") && !(bean instanceof TenantConnections)
						? new TenantConnections(pool) : bean;
			}
		};
	}
}
