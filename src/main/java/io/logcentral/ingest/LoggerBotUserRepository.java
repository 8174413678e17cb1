package io.logcentral.ingest;

import org.springframework.data.jpa.repository.JpaRepository;

interface LoggerBotUserRepository extends JpaRepository<LoggerBotUser, String> {}
