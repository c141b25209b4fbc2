import { App, Button, Popconfirm, Table } from "antd";
import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { apiDelete } from "../../api/client";
import type { HouseholdMember } from "../../api/types";
import { describeError } from "../../components/ErrorResult";

interface Props {
  householdId: string;
  members: HouseholdMember[];
  canEdit: boolean;
  onChanged: () => void;
}

/** Members of a household with their relationship and since when; remove ends the membership. */
export function HouseholdMembersTable({ householdId, members, canEdit, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const remove = async (member: HouseholdMember) => {
    try {
      await apiDelete(`/households/${householdId}/members/${member.personId}`);
      message.success(t("household.memberRemoved"));
      onChanged();
    } catch (caught) {
      message.error(describeError(caught, t));
    }
  };

  return (
    <Table<HouseholdMember>
      size="small"
      rowKey="personId"
      dataSource={members}
      pagination={false}
      data-testid="household-members"
      columns={[
        {
          title: t("person.name"),
          dataIndex: "name",
          render: (name: string, member) => <Link to={`/console/registry/persons/${member.personId}`}>{name}</Link>,
        },
        {
          title: t("household.relationship"),
          dataIndex: "relationship",
          render: (relationship: string) => t(`relationship.${relationship}`, { defaultValue: relationship }),
        },
        { title: t("household.since"), dataIndex: "since" },
        ...(canEdit
          ? [
              {
                title: t("action.actions"),
                key: "actions",
                width: 100,
                render: (_: unknown, member: HouseholdMember) => (
                  <Popconfirm
                    title={t("household.removeConfirm", { name: member.name })}
                    okText={t("action.remove")}
                    cancelText={t("action.cancel")}
                    onConfirm={() => remove(member)}
                  >
                    <Button size="small" danger type="link" data-testid={`remove-member-${member.personId}`}>
                      {t("action.remove")}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
