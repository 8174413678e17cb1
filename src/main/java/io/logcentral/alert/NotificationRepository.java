package io.logcentral.alert;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByStatus(Notification.Status status);

    List<Notification> findByStatusAndNextAttemptAtLessThanEqualOrderByIdAsc(
            Notification.Status status, long time, Pageable page);

    List<Notification> findAllByOrderByIdDesc(Pageable page);
}
