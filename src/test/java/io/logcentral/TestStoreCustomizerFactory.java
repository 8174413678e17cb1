package io.logcentral;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * With {@code -Dlogcentral.test.store=postgres}, every {@code @SpringBootTest} server runs on a PostgreSQL database
 * of its own ({@link TestDatabases}), dropped when its context closes, after every bean that used it.
 */
class TestStoreCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        boolean server = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(SpringBootTest.class);
        return server && TestDatabases.postgres() ? new OwnDatabase() : null;
    }

    private static final class OwnDatabase implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            String url = TestDatabases.create();
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "test-postgresql",
                            Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres")));
            // Disposable beans are destroyed in the reverse order of their registration: this one goes last.
            ((DefaultListableBeanFactory) context.getBeanFactory())
                    .registerDisposableBean("dropTestDatabase", () -> TestDatabases.drop(url));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OwnDatabase;
        }

        @Override
        public int hashCode() {
            return OwnDatabase.class.hashCode();
        }
    }
}
