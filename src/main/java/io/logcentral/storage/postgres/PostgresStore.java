package io.logcentral.storage.postgres;

import io.logcentral.storage.StoreKind;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Marks the beans of the PostgreSQL store: present only when {@link StoreKind} selects it. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Conditional(PostgresStore.Selected.class)
@interface PostgresStore {

    final class Selected implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StoreKind.of(context.getEnvironment()) == StoreKind.POSTGRESQL;
        }
    }
}
