package io.logcentral.storage;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes logs: all of one call commit together, and their ids come back in the order given. */
@Service
public class LogStore {

    private final LogRepository repository;

    LogStore(LogRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public List<Long> append(List<NewLog> logs) {
        List<LogEntity> saved =
                repository.saveAll(logs.stream().map(LogEntity::new).toList());
        return saved.stream().map(LogEntity::id).toList();
    }
}
