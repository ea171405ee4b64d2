# What R makes of the CSV files (read.csv) and the database (RSQLite): one line per column,
# "format table column class missing". Run by tests/test_downstream.py:
#   Rscript tests/read_in_r.R FOLDER TABLE...
args <- commandArgs(trailingOnly = TRUE)
folder <- args[1]
suppressPackageStartupMessages(library(RSQLite))
con <- dbConnect(SQLite(), file.path(folder, "certifications.sqlite"), flags = SQLITE_RO)
for (table in args[-1]) {
  read <- list(
    csv = read.csv(file.path(folder, paste0(table, ".csv")), fileEncoding = "UTF-8-BOM", na.strings = ""),
    sqlite = dbReadTable(con, table)
  )
  for (format in names(read)) {
    for (column in names(read[[format]])) {
      values <- read[[format]][[column]]
      cat(format, table, column, class(values), sum(is.na(values)), "\n")
    }
  }
}
dbDisconnect(con)
