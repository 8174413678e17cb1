package io.logcentral.ui;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the chart library's webjar at {@code /webjars/uplot/...} without its version in the path (the resource chain
 * asks webjars-locator-lite for it), so upgrading the webjar in the pom touches no script.
 */
@Configuration(proxyBeanMethods = false)
class WebJarsConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true);
    }
}
