package dev.flightdeck.rollback;

/** The runbook the rollback tests upgrade and roll back: files, a service and a database on {@link RollbackLab}'s system. */
final class UpgradeRunbook {

    /** Set {@code fail_at} to a step id to make that step fail. */
    static final String PHASES = """
            variables: { srv: { description: app root }, svc: { description: service script }, fail_at: none }
            phases:
              - id: protect
                steps:
                  - id: snap
                    snapshot: { database: healthcare }
                  - id: before
                    verify-data: { database: healthcare, tables: [patients, visits] }
                  - id: stop-service
                    run: ${svc} stop
                    on: app
                    undo: { run: "${svc} start", on: app }
                  - id: files-backup
                    run: test "${fail_at}" != files-backup && tar -czf ${srv}/app-${ts}.tar.gz -C ${srv} app && echo ${srv}/app-${ts}.tar.gz
                    on: app
              - id: change
                steps:
                  - id: deploy
                    run: printf 'version=2\\nschema=hipaa\\n' > ${srv}/app/app.conf && rm ${srv}/app/old-endpoint.txt && echo /api/patients > ${srv}/app/new.txt
                    on: app
                  - id: migrate
                    sql: ALTER TABLE patients DROP COLUMN phone
                    database: healthcare
                  - id: purge
                    sql: DELETE FROM visits WHERE status = 'cancelled'
                    database: healthcare
                  - id: migration-check
                    run: test "${fail_at}" != migration-check
                    on: app
              - id: go-live
                steps:
                  - id: start-service
                    run: ${svc} start
                    on: app
                  - id: smoke
                    run: test "${fail_at}" != smoke
                    on: app
            """;

    static final String VERIFICATION = """
            rollback-verification:
              - id: v-data
                title: Data counts and content match the capture before the change
                verify-data: { database: healthcare, compare-to: before }
              - id: v-service
                title: The service runs
                run: ${svc} status
                on: app
              - id: v-config
                title: The old configuration is back
                run: grep -q version=1 ${srv}/app/app.conf && test -f ${srv}/app/old-endpoint.txt
                on: app
              - id: v-indexes
                title: Indexes present
                sql: SELECT count(*) FROM pg_indexes WHERE tablename IN ('patients', 'visits')
                database: healthcare
                expect: { value: 3 }
            """;

    /** Snapshot swap for the database, the files from this session's tarball, the service stopped first. */
    static final String TEXT = "runbook: Clinic app upgrade\n" + PHASES + """
            rollback:
              - id: rb-stop
                run: ${svc} stop
                on: app
              - id: rb-restore
                restore: { database: healthcare }
              - id: rb-files
                run: rm -rf ${srv}/app && tar -xzf ${steps.files-backup.stdout} -C ${srv}
                on: app
            """ + VERIFICATION;

    private UpgradeRunbook() {}
}
