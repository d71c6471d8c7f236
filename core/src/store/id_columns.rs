//! Record ids as SQL values, so the store binds and reads ids rather than
//! their text.
//!
//! Every id column holds the hyphenated UUID text (`TEXT` in the schema);
//! binding an id writes exactly that text, and reading one parses it. A
//! stored id that is not a UUID means the file was changed outside
//! RollSafe: the read fails with [`crate::Error::Inconsistent`] (through
//! [`UnreadableValue`]) instead of inventing an id.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::error::UnreadableValue;
use crate::ids::{AlertId, CleaningId, DeviceId, HeadChangeId, ReportId, SessionId};

macro_rules! id_column {
    ($($id:ident),* $(,)?) => {
        $(
            impl ToSql for $id {
                fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                    Ok(ToSqlOutput::from(self.to_string()))
                }
            }

            impl FromSql for $id {
                fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                    let text = value.as_str()?;
                    $id::parse("id", text).map_err(|_| {
                        FromSqlError::Other(Box::new(UnreadableValue(format!(
                            "a stored {} id is not a UUID",
                            $id::ENTITY
                        ))))
                    })
                }
            }
        )*
    };
}

id_column!(
    AlertId,
    CleaningId,
    DeviceId,
    HeadChangeId,
    ReportId,
    SessionId
);

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;
    use crate::error::Error;

    #[test]
    fn ids_are_stored_as_their_uuid_text() {
        let conn = Connection::open_in_memory().unwrap();
        let id = SessionId::random();
        let text: String = conn.query_row("SELECT ?1", [id], |r| r.get(0)).unwrap();
        assert_eq!(text, id.to_string());
        let back: SessionId = conn.query_row("SELECT ?1", [text], |r| r.get(0)).unwrap();
        assert_eq!(back, id);
    }

    #[test]
    fn a_stored_id_that_is_not_a_uuid_is_inconsistent() {
        let conn = Connection::open_in_memory().unwrap();
        let err = conn
            .query_row("SELECT 'not-a-uuid'", [], |r| r.get::<_, DeviceId>(0))
            .map_err(Error::from)
            .unwrap_err();
        assert!(
            matches!(&err, Error::Inconsistent(m) if m == "a stored device id is not a UUID"),
            "{err:?}"
        );
    }

    #[test]
    fn a_null_id_reads_as_none() {
        let conn = Connection::open_in_memory().unwrap();
        let id: Option<ReportId> = conn.query_row("SELECT NULL", [], |r| r.get(0)).unwrap();
        assert_eq!(id, None);
    }
}
