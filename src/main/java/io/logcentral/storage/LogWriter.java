package io.logcentral.storage;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.springframework.stereotype.Component;

/**
 * Inserts batches of logs through a Hibernate {@code StatelessSession} with JDBC batching, one transaction a batch.
 * Only the pipeline's single writer thread calls it, which is what lets it hand out ids itself.
 */
@Component
public class LogWriter {

    private static final String INSERT_ANSWER = "INSERT INTO idempotency_keys"
            + " (key_hash, created_at, status, first_id, log_count, errors) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (key_hash) DO NOTHING";
    private static final String DELETE_ANSWERS_BEFORE = "DELETE FROM idempotency_keys WHERE created_at < ?";

    private final SessionFactory sessions;
    private long nextId = -1;

    LogWriter(EntityManagerFactory entityManagerFactory) {
        this.sessions = entityManagerFactory.unwrap(SessionFactory.class);
    }

    /**
     * Stores the logs and the answers in one transaction.
     *
     * @return the id of the first log; the others follow it one by one, in the order given
     */
    public long insert(List<NewLog> logs, List<PendingAnswer> answers) {
        try (StatelessSession session = sessions.openStatelessSession()) {
            long first = nextId(session);
            List<LogEntity> entities = new ArrayList<>(logs.size());
            for (int i = 0; i < logs.size(); i++) {
                entities.add(new LogEntity(first + i, logs.get(i)));
            }
            session.setJdbcBatchSize(Math.max(1, Math.min(logs.size(), 1000)));
            Transaction tx = session.beginTransaction();
            try {
                session.insertMultiple(entities);
                answers.forEach(answer -> insertAnswer(session, first, answer));
                tx.commit();
            } catch (RuntimeException e) {
                rollback(tx);
                throw e;
            }
            nextId = first + logs.size();
            return first;
        } catch (PersistenceException e) {
            // The next batch reads the highest id again: a failed batch may have left nothing, or everything.
            nextId = -1;
            throw new StoreUnavailableException("the store refused the write: " + rootMessage(e), e);
        }
    }

    /** Forgets the answers kept since before {@code before}; returns how many. */
    public int deleteAnswersBefore(Instant before) {
        try (StatelessSession session = sessions.openStatelessSession()) {
            Transaction tx = session.beginTransaction();
            int deleted = session.createNativeMutationQuery(DELETE_ANSWERS_BEFORE)
                    .setParameter(1, Timestamps.toMicros(before))
                    .executeUpdate();
            tx.commit();
            return deleted;
        }
    }

    private long nextId(StatelessSession session) {
        if (nextId < 0) {
            Number max = (Number) session.createNativeQuery("SELECT COALESCE(MAX(id), 0) FROM logs", Long.class)
                    .getSingleResult();
            nextId = max.longValue() + 1;
        }
        return nextId;
    }

    private static void insertAnswer(StatelessSession session, long batchFirstId, PendingAnswer answer) {
        session.createNativeMutationQuery(INSERT_ANSWER)
                .setParameter(1, answer.keyHash())
                .setParameter(2, Timestamps.toMicros(answer.createdAt()))
                .setParameter(3, answer.status())
                .setParameter(4, batchFirstId + answer.firstIndex())
                .setParameter(5, answer.logCount())
                .setParameter(6, answer.errorsJson())
                .executeUpdate();
    }

    private static void rollback(Transaction tx) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException ignored) {
            // the connection is likely gone; the failed commit is what gets reported
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
