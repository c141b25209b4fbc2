import { Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { useDepartments } from "../api/reference";
import type { RoleGrant } from "../api/types";
import { useTownLabel } from "./useTownLabel";

/** The role grants of an account as tags: 办事员 · 石岐区. */
export function RoleTags({ roles }: { roles: RoleGrant[] | undefined }) {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const departments = useDepartments().items;
  return (
    <Space size={[4, 4]} wrap>
      {(roles ?? []).map((grant, index) => {
        const department = departments.find((candidate) => candidate.code === grant.departmentCode);
        const scope = grant.townCode ? townLabel(grant.townCode) : (department?.name ?? grant.departmentCode ?? "");
        return (
          <Tag key={`${grant.role}-${grant.townCode ?? ""}-${grant.departmentCode ?? ""}-${index}`} color="blue">
            {t(`role.${grant.role}`, { defaultValue: grant.role })}
            {scope ? ` · ${scope}` : ""}
          </Tag>
        );
      })}
    </Space>
  );
}
