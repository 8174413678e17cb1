package io.logcentral.storage;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Optional;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operations every domain repository shares, in plain JPA: each joins the caller's transaction or runs in one of
 * its own. Spring Data's repository machinery did the same for these few methods at a tenth of the start-up time.
 */
@Transactional
public abstract class EntityStore<T, ID> {

    /** The transaction's own entity manager, whichever thread asks. */
    protected final EntityManager entities;

    private final Class<T> type;

    protected EntityStore(EntityManagerFactory factory, Class<T> type) {
        this.entities = SharedEntityManagerCreator.createSharedEntityManager(factory);
        this.type = type;
    }

    @Transactional(readOnly = true)
    public Optional<T> findById(ID id) {
        return Optional.ofNullable(entities.find(type, id));
    }

    @Transactional(readOnly = true)
    public boolean existsById(ID id) {
        return findById(id).isPresent();
    }

    @Transactional(readOnly = true)
    public List<T> findAll() {
        return entities.createQuery("SELECT e FROM " + type.getSimpleName() + " e", type)
                .getResultList();
    }

    /** Inserts an entity without an id yet (the store gives it one); copies any other onto its row. */
    public T save(T entity) {
        if (entities.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity) == null) {
            entities.persist(entity);
            return entity;
        }
        return entities.merge(entity);
    }

    /** {@link #save} with the row written at once: in the caller's transaction, a broken constraint fails here. */
    public T saveAndFlush(T entity) {
        T saved = save(entity);
        entities.flush();
        return saved;
    }

    public void delete(T entity) {
        entities.remove(entities.contains(entity) ? entity : entities.merge(entity));
    }
}
