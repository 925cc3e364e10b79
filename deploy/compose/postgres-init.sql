-- Run once by the postgres image on an empty volume (docker-compose.yml). The image already created role
-- `ledgerline` (POSTGRES_USER) and database `ledgerline` (POSTGRES_DB); add the test and registry databases.
CREATE DATABASE ledgerline_test OWNER ledgerline;
CREATE DATABASE apicurio OWNER ledgerline;
