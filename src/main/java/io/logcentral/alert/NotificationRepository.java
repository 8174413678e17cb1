package io.logcentral.alert;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByStatus(Notification.Status status);

    long countByStatus(Notification.Status status);

    List<Notification> findAllByOrderByIdDesc(Pageable page);
}
