package io.logcentral.storage;

import org.springframework.data.jpa.repository.JpaRepository;

interface LogRepository extends JpaRepository<LogEntity, Long> {}
